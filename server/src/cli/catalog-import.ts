import { detectFeedFormat, type FeedFormat } from '../catalog/import/feed-format.ts';
import { CatalogImportError, importCatalogFile, type ImportOptions } from '../catalog/import/import-file.ts';
import { formatImportReport, rowsAccepted, type ImportReport } from '../catalog/import/import-report.ts';
import { createProgressDisplay } from '../catalog/import/progress-display.ts';
import { openRejectsCsv } from '../catalog/import/rejects-csv.ts';
import type { Db } from '../db/client.ts';
import type { Site } from '../db/schema/sites.ts';
import { findSite, listSites } from '../sites/sites.ts';
import { CliError, flag, parseArgs } from './args.ts';
import { dbFromEnv } from './db-from-env.ts';

const usage = `usage: npm run shoploop -- catalog import FILE [--site SITE_ID_OR_KEY] [--format json|jsonl|csv|xml]
         [--base-url URL] [--rejects REJECTS.csv]`;
const knownFlags = ['site', 'format', 'base-url', 'rejects'];

/** The site named by --site, or the only one there is. */
async function chooseSite(db: Db, idOrKey: string | undefined): Promise<Site> {
  if (idOrKey) {
    const site = await findSite(db, idOrKey);
    if (!site) throw new CliError(`no site "${idOrKey}" (npm run shoploop -- site list)`);
    return site;
  }
  const all = await listSites(db);
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw new CliError('no sites yet: npm run shoploop -- site create --name "My shop" --origin https://shop.example');
  throw new CliError(`there are ${all.length} sites, choose one with --site:\n${all.map((s) => `  ${s.id}  ${s.name}`).join('\n')}`);
}

/** Runs the import with a progress display on stderr and, with `rejectsPath`, every rejected row in a CSV. */
async function importWithProgress(db: Db, site: Site, file: string, options: ImportOptions, rejectsPath: string | undefined): Promise<ImportReport> {
  const rejects = rejectsPath
    ? await openRejectsCsv(rejectsPath).catch((e: Error) => {
        throw new CliError(`cannot write ${rejectsPath}: ${e.message}`);
      })
    : undefined;
  process.stderr.write(`Importing ${file} into site ${site.id} (${site.name})\n`);
  const display = createProgressDisplay(process.stderr);
  try {
    return await importCatalogFile(db, site.id, file, { ...options, onProgress: display.update, onReject: rejects?.write });
  } catch (e) {
    if (!(e instanceof CatalogImportError)) throw e;
    display.stop();
    if (e.report && e.report.rowsRead > 0) console.log(`${formatImportReport(e.report)}\nStopped part way: the products counted above are in the catalog.\n`);
    throw new CliError(`catalog import failed: ${e.message}`);
  } finally {
    display.stop();
    await rejects?.close();
  }
}

// npm run shoploop -- catalog import FILE [--site ID] [--format F] [--base-url URL] [--rejects FILE]
export async function catalogImportCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const unknown = [...args.flags.keys()].find((f) => !knownFlags.includes(f));
  if (unknown) throw new CliError(`unknown option --${unknown}\n${usage}`);
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) throw new CliError(usage);
  let format: FeedFormat;
  try {
    format = detectFeedFormat(file, flag(args, 'format'));
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const rejectsPath = flag(args, 'rejects');

  const db = await dbFromEnv();
  try {
    const site = await chooseSite(db, flag(args, 'site'));
    const report = await importWithProgress(db, site, file, { format, baseUrl: flag(args, 'base-url') }, rejectsPath);
    console.log(formatImportReport(report));
    if (rejectsPath) console.log(`\nRejected rows written to ${rejectsPath} (${report.rejected.toLocaleString('en-US')})`);
    if (rowsAccepted(report) === 0) {
      throw new CliError(report.rowsRead === 0 ? 'nothing imported: the feed has no products' : 'nothing imported: every row was rejected');
    }
  } finally {
    db.close();
  }
}
