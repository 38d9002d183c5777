/**
 * Interns string ids as dense integers so the hot paths index typed arrays and plain arrays instead of hashing
 * strings; ids are never removed, so an integer stays valid for the life of the model.
 */
export class IdTable {
  private readonly byId = new Map<string, number>();
  private readonly ids: string[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** the integer for `id`, creating one if it is new */
  intern(id: string): number {
    let index = this.byId.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.byId.set(id, index);
      this.ids.push(id);
    }
    return index;
  }

  /** the integer for `id`, or -1 when it was never interned */
  lookup(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  idOf(index: number): string {
    const id = this.ids[index];
    if (id === undefined) throw new RangeError(`no id interned at ${index}`);
    return id;
  }
}
