/** A bounded "bought together" / "carted together" count: per item, its partners and how often they met. */
export class CoCounts {
  private readonly partners = new Map<string, Map<string, number>>();

  /** partners kept per item; past twice this many the weakest are dropped, so memory stays linear in items */
  constructor(private readonly maxPartners = 100) {}

  /** counts each pair of distinct items once */
  addBasket(items: readonly string[]): void {
    const distinct = [...new Set(items)];
    for (let i = 0; i < distinct.length; i++) {
      for (let j = i + 1; j < distinct.length; j++) this.addPair(distinct[i]!, distinct[j]!);
    }
  }

  /** counts `item` with each of `others` (an item joining a basket that already holds them) */
  addTo(item: string, others: Iterable<string>): void {
    for (const other of others) if (other !== item) this.addPair(item, other);
  }

  /** partners of `item`, most frequent first (ties by id, so a rebuild and a live model agree) */
  of(item: string): Array<[string, number]> {
    return [...(this.partners.get(item) ?? [])].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  private addPair(a: string, b: string): void {
    this.bump(a, b);
    this.bump(b, a);
  }

  private bump(item: string, partner: string): void {
    let map = this.partners.get(item);
    if (!map) this.partners.set(item, (map = new Map()));
    map.set(partner, (map.get(partner) ?? 0) + 1);
    if (map.size > 2 * this.maxPartners) {
      const kept = [...map].sort((x, y) => y[1] - x[1]).slice(0, this.maxPartners);
      this.partners.set(item, new Map(kept));
    }
  }
}
