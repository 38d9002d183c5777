import { CliError, flag, parseArgs } from '../cli/args.ts';
import { parseUciDate } from './uci/uci-line.ts';

export const replayUsage = `usage: npm run shoploop -- replay uci FILE [--site ID] [--keep-dates] [--limit-customers N] [--since YYYY-MM-DD]

  FILE                 the UCI Online Retail CSV (gzipped or not), e.g. ../shared/data/uci_online_retail/onlineretail.csv.gz
  --site ID            the site to replay into (default: the demo site, created if missing)
  --keep-dates         keep the file's 2010-2011 dates (default: move them so the last order is now)
  --limit-customers N  only N people (customers and guest orders), spread evenly over the year
  --since DATE         only orders on or after DATE, in the file's own dates`;

export interface ReplayCliOptions {
  file: string;
  siteId: string | undefined;
  keepDates: boolean;
  limitCustomers: number | undefined;
  since: number | undefined;
}

const knownFlags = ['site', 'keep-dates', 'limit-customers', 'since'];

/** Reads `replay uci FILE [...]`; every mistake is a CliError that says what to type instead. */
export function parseReplayArgs(argv: string[]): ReplayCliOptions {
  const args = parseArgs(argv, ['keep-dates']);
  const unknown = [...args.flags.keys()].find((f) => !knownFlags.includes(f));
  if (unknown) throw new CliError(`unknown option --${unknown}\n${replayUsage}`);
  const [source, file, ...extra] = args.positionals;
  if (source !== 'uci' || !file || extra.length > 0) throw new CliError(replayUsage);

  const limit = flag(args, 'limit-customers');
  const limitCustomers = limit === undefined ? undefined : Number(limit);
  if (limitCustomers !== undefined && !(Number.isInteger(limitCustomers) && limitCustomers > 0)) {
    throw new CliError(`--limit-customers takes a whole number above 0, got "${limit}"`);
  }
  const sinceText = flag(args, 'since');
  const since = sinceText === undefined ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(sinceText) ? parseUciDate(`${sinceText} 00:00`) : Number.NaN;
  if (since !== undefined && Number.isNaN(since)) throw new CliError(`--since takes a date as YYYY-MM-DD, got "${sinceText}"`);
  const keepDates = flag(args, 'keep-dates');
  if (keepDates !== undefined && keepDates !== 'true') throw new CliError('--keep-dates takes no value');

  return { file, siteId: flag(args, 'site'), keepDates: keepDates === 'true', limitCustomers, since };
}
