import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:latest-run:start -->';
const END = '<!-- bench:latest-run:end -->';

/**
 * Everything a function prints with console.log, also kept: `npm run bench`'s sections print as they finish
 * (a run takes minutes) and the whole text becomes the report afterwards.
 */
export async function printedBy(run: () => Promise<void>): Promise<string> {
  const kept: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => {
    kept.push(args.map(String).join(' '));
    log(...args);
  };
  try {
    await run();
  } finally {
    console.log = log;
  }
  return kept.join('\n');
}

/** Puts the run's report between the markers of docs/benchmarks.md (added after the title when missing). */
export function writeLatestRun(report: string, file = 'docs/benchmarks.md'): void {
  const doc = readFileSync(file, 'utf8');
  const block = `${START}\n## Latest run (written by \`npm run bench\`)\n\n\`\`\`text\n${report.trimEnd()}\n\`\`\`\n${END}`;
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start) + block + doc.slice(end + END.length)
      : doc.replace(/^(# [^\n]*\n)/, `$1\n${block}\n`);
  writeFileSync(file, next);
}
