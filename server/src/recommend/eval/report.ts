import type { Scores } from './metrics.ts';
import type { EvaluationResult, ScoredPoints } from './evaluate.ts';

const METRICS: (keyof Scores)[] = ['HR@20', 'MRR@20', 'HR@10', 'MRR@10', 'coverage@20'];

/** The `--json` shape: `{ full: { points, shoploop, popularity }, reference?: { points, shoploop, <run>… } }`. */
export function toJson(result: EvaluationResult): Record<string, unknown> {
  const block = (scored: ScoredPoints) => ({ points: scored.points, ...scored.scores });
  return result.reference ? { full: block(result.full), reference: block(result.reference) } : { full: block(result.full) };
}

/** A plain-text table per block, one row per recommender. */
export function toTable(result: EvaluationResult): string {
  const lines = [
    `test: ${result.sessions} sessions, ${result.full.points} prediction points` +
      `${result.unseenClicks > 0 ? `, ${result.unseenClicks} clicks on items unknown to training removed` : ''}; ` +
      `catalog ${result.catalogSize} items`,
    '',
    ...formatBlock('full test', result.full),
  ];
  if (result.reference) lines.push('', ...formatBlock('reference points', result.reference));
  return lines.join('\n');
}

function formatBlock(title: string, scored: ScoredPoints): string[] {
  const nameWidth = Math.max(12, ...Object.keys(scored.scores).map((name) => name.length));
  const header = `${`${title} (${scored.points} points)`.padEnd(nameWidth + 2)}`;
  const rows = [header + METRICS.map((m) => m.padStart(12)).join('')];
  for (const [name, scores] of Object.entries(scored.scores)) {
    rows.push(`  ${name.padEnd(nameWidth)}` + METRICS.map((m) => scores[m].toFixed(4).padStart(12)).join(''));
  }
  return rows;
}
