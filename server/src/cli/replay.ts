import { findSite } from '../sites/sites.ts';
import { parseReplayArgs } from '../replay/cli-options.ts';
import { createReplayProgress } from '../replay/progress-display.ts';
import { formatReplayReport } from '../replay/report/format-report.ts';
import { replayUci } from '../replay/replay-uci.ts';
import { UciFileError } from '../replay/uci/read-uci-file.ts';
import { CliError } from './args.ts';
import { dbFromEnv } from './db-from-env.ts';
import { DEMO_SITE_ID, ensureDemoSite } from './demo-site.ts';

const DEMO_SHOP_ORIGIN = 'http://localhost:8080';

// npm run shoploop -- replay uci FILE [--site ID] [--keep-dates] [--limit-customers N] [--since DATE]
export async function replayCommand(argv: string[]): Promise<void> {
  const options = parseReplayArgs(argv);
  const db = await dbFromEnv();
  const display = createReplayProgress(process.stderr);
  try {
    const site = options.siteId ? await findSite(db, options.siteId) : await ensureDemoSite(db, DEMO_SHOP_ORIGIN);
    if (!site) throw new CliError(`no site "${options.siteId}" (npm run shoploop -- site list), or leave out --site for the demo site ${DEMO_SITE_ID}`);
    process.stderr.write(`Replaying ${options.file} into site ${site.id} (${site.name}) through the collector\n`);
    const report = await replayUci(db, { ...options, siteId: site.id, onProgress: display.update }).catch((e: unknown) => {
      if (e instanceof UciFileError) throw new CliError(`replay failed: ${e.message}`);
      throw e;
    });
    display.stop();
    console.log(formatReplayReport(report));
  } finally {
    display.stop();
    db.close();
  }
}
