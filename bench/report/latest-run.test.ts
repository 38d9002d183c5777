import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedBy, writeLatestRun } from './latest-run.ts';

describe('the bench report in docs/benchmarks.md', () => {
  it('keeps what was printed and replaces only the previous run, leaving the prose around it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-report-')), 'benchmarks.md');
    writeFileSync(file, '# Benchmarks\n\nProse before.\n\n## Tracker size\nExplained.\n');
    const first = await printedBy(async () => console.log('figure', 1));
    expect(first).toBe('figure 1');
    writeLatestRun(first, file);
    writeLatestRun('figure 2', file);
    const doc = readFileSync(file, 'utf8');
    expect(doc).toContain('figure 2');
    expect(doc).not.toContain('figure 1');
    expect(doc.match(/Latest run/g)).toHaveLength(1);
    expect(doc).toMatch(/^# Benchmarks\n[\s\S]*Latest run[\s\S]*Prose before\.[\s\S]*## Tracker size\nExplained\.\n$/);
  });
});
