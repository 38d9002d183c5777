/**
 * Per-request item scores in a typed array indexed by interned item, with the list of touched items so a
 * request clears only what it wrote. One board is reused across requests; not safe for concurrent use, which
 * Node's single thread gives for free as long as a request never awaits half-way. Nothing here allocates once
 * the arrays have grown to the catalog: a request that scores thousands of items leaves no garbage behind.
 */
export class ScoreBoard {
  private scores = new Float64Array(1024);
  private marked = new Uint8Array(1024);
  /** the touched items are `touched[0 … size)`; the array keeps its length between requests */
  private touched = new Int32Array(1024);
  private count = 0;

  /** how many items have been written since the last clear */
  get size(): number {
    return this.count;
  }

  /** makes room for item indices below `itemCount` */
  ensure(itemCount: number): void {
    if (this.scores.length >= itemCount) return;
    const size = Math.max(itemCount, this.scores.length * 2);
    const scores = new Float64Array(size);
    scores.set(this.scores);
    this.scores = scores;
    const marked = new Uint8Array(size);
    marked.set(this.marked);
    this.marked = marked;
  }

  add(item: number, value: number): void {
    if (this.marked[item] === 0) {
      this.marked[item] = 1;
      if (this.count === this.touched.length) {
        const touched = new Int32Array(this.touched.length * 2);
        touched.set(this.touched);
        this.touched = touched;
      }
      this.touched[this.count++] = item;
    }
    this.scores[item] = (this.scores[item] as number) + value;
  }

  get(item: number): number {
    return this.scores[item] as number;
  }

  max(): number {
    let best = -Infinity;
    for (let i = 0; i < this.count; i++) {
      const score = this.scores[this.touched[i] as number] as number;
      if (score > best) best = score;
    }
    return best;
  }

  /** multiplies every score by `factor` */
  scale(factor: number): void {
    for (let i = 0; i < this.count; i++) {
      const item = this.touched[i] as number;
      this.scores[item] = (this.scores[item] as number) * factor;
    }
  }

  /**
   * The best `n` touched items not in `skip`, best first; ties go to the item `before` prefers. A bounded
   * insertion list, so the cost is O(touched · log n) rather than a sort of everything touched.
   */
  top(n: number, skip: ReadonlySet<number>, before: (a: number, b: number) => boolean): number[] {
    const best: number[] = [];
    if (n <= 0) return best;
    const better = (a: number, b: number) => {
      const sa = this.scores[a] as number;
      const sb = this.scores[b] as number;
      return sa > sb || (sa === sb && before(a, b));
    };
    for (let i = 0; i < this.count; i++) {
      const item = this.touched[i] as number;
      if (skip.has(item)) continue;
      if (best.length === n && !better(item, best[n - 1] as number)) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (better(item, best[mid] as number)) hi = mid;
        else lo = mid + 1;
      }
      best.splice(lo, 0, item);
      if (best.length > n) best.pop();
    }
    return best;
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) {
      const item = this.touched[i] as number;
      this.scores[item] = 0;
      this.marked[item] = 0;
    }
    this.count = 0;
  }
}
