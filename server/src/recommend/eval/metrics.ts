/** The figures the evaluator reports for one recommender on one set of prediction points. */
export interface Scores {
  'HR@20': number;
  'MRR@20': number;
  'HR@10': number;
  'MRR@10': number;
  /** share of the training catalog that appears in at least one top-20 list */
  'coverage@20': number;
}

/**
 * Hit rate and mean reciprocal rank as session-rec's accuracy.py computes them: a point is a hit at N when the
 * target is among the first N recommendations, and adds 1/rank to MRR@N, 0 beyond N.
 */
export class MetricAccumulator {
  private points = 0;
  private hits10 = 0;
  private hits20 = 0;
  private reciprocal10 = 0;
  private reciprocal20 = 0;
  private readonly covered = new Set<string>();

  constructor(private readonly catalogSize: number) {}

  get count(): number {
    return this.points;
  }

  add(ranked: readonly string[], target: string): void {
    this.points++;
    const top20 = ranked.slice(0, 20);
    for (const item of top20) this.covered.add(item);
    const rank = top20.indexOf(target) + 1;
    if (rank === 0) return;
    this.hits20++;
    this.reciprocal20 += 1 / rank;
    if (rank <= 10) {
      this.hits10++;
      this.reciprocal10 += 1 / rank;
    }
  }

  result(): Scores {
    const per = (value: number) => (this.points === 0 ? 0 : value / this.points);
    return {
      'HR@20': per(this.hits20),
      'MRR@20': per(this.reciprocal20),
      'HR@10': per(this.hits10),
      'MRR@10': per(this.reciprocal10),
      'coverage@20': this.catalogSize === 0 ? 0 : this.covered.size / this.catalogSize,
    };
  }
}
