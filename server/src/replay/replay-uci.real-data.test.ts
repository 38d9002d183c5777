import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { freshDb } from '../../test/helpers.ts';
import { createSite } from '../sites/sites.ts';
import { replayUci } from './replay-uci.ts';

const file = fileURLToPath(new URL('../../../../shared/data/uci_online_retail/onlineretail.csv.gz', import.meta.url));
const present = existsSync(file);
const title = present
  ? 'the real UCI file: a sample of its customers'
  : 'the real UCI file (skipped: ../shared/data/uci_online_retail/onlineretail.csv.gz not found; see the data README)';

describe.skipIf(!present)(title, () => {
  test('reads every line, replays 40 people spread over the year through the collector and puts each in a stage', async () => {
    const db = await freshDb();
    await createSite(db, { id: 'site_uci', publicKey: 'pk_uci', name: 'UCI', origins: ['https://shop.example'] }, Date.now());
    const now = Date.UTC(2026, 10, 23, 12);
    const report = await replayUci(db, { file, siteId: 'site_uci', now, limitCustomers: 40 });

    // the file as documented: 541,909 lines from 2010-12-01 to 2011-12-09
    expect(report.lines.read).toBe(541_909);
    expect(report.firstOrderAt).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(report.lastOrderAt).toBe(Date.UTC(2011, 11, 9, 12, 50));
    const skipped = Object.values(report.lines.skipped).reduce((a, b) => a + b, 0);
    expect(report.lines.replayed + report.lines.cancellationsApplied + skipped).toBe(541_909); // every line accounted for
    expect(report.lines.skipped.service_code).toBeGreaterThan(2000); // POST, DOT, M, …
    expect(report.cancellations.linesMatched).toBeGreaterThan(5000);

    expect(report.slice.people).toBe(40);
    expect(report.events.stored).toBe(report.events.sent);
    expect(report.stages.unevaluated).toBe(0);
    expect(report.stages.total).toBe(40);
    // a year of real buyers: some bought again (loyal), some once and not for 60 days (dormant)
    expect(report.stages.counts.loyal).toBeGreaterThan(0);
    expect(report.stages.counts.dormant).toBeGreaterThan(0);
    expect(report.rfm?.buyers).toBeGreaterThan(30); // a guest order cancelled in full buys nothing
  }, 120_000);
});
