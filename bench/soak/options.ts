/** `npm run soak -- --minutes N [--rate EVENTS_PER_S] [--url URL --site KEY --origin ORIGIN --admin-token T] [--out FILE]` */
export interface SoakOptions {
  minutes: number;
  /** tracker events a second, steady */
  rate: number;
  /** recommendation requests a second, alongside */
  recsRate: number;
  /** admin report reads a second */
  adminRate: number;
  /** a running server; when absent the soak starts its own (`npm run serve` on a fresh database) */
  target?: { url: string; siteKey: string; origin: string; adminToken: string };
  /** the UCI Online Retail file the traffic comes from */
  file: string;
  /** also write the report (markdown) here */
  out?: string;
}

export class SoakUsageError extends Error {}

const usage = `usage: npm run soak -- --minutes N [--rate EVENTS_PER_S] [--recs-rate N] [--admin-rate N]
                       [--url URL --site SITE_KEY --origin SHOP_ORIGIN --admin-token TOKEN] [--out FILE]`;

export function parseSoakOptions(argv: readonly string[]): SoakOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined) throw new SoakUsageError(`unexpected "${flag}"\n${usage}`);
    values.set(flag.slice(2), value);
  }
  const known = new Set(['minutes', 'rate', 'recs-rate', 'admin-rate', 'url', 'site', 'origin', 'admin-token', 'out', 'file']);
  for (const k of values.keys()) if (!known.has(k)) throw new SoakUsageError(`unknown flag --${k}\n${usage}`);
  const number = (name: string, fallback: number, min: number, max: number) => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new SoakUsageError(`--${name} must be a number from ${min} to ${max}, not "${raw}"`);
    return n;
  };
  const url = values.get('url');
  const target = url === undefined ? undefined : { url: url.replace(/\/$/, ''), siteKey: required(values, 'site'), origin: required(values, 'origin'), adminToken: required(values, 'admin-token') };
  const out = values.get('out');
  return {
    minutes: number('minutes', 5, 1, 24 * 60),
    rate: number('rate', 200, 1, 100_000),
    recsRate: number('recs-rate', 20, 0, 10_000),
    adminRate: number('admin-rate', 0.5, 0, 100),
    file: values.get('file') ?? '../shared/data/uci_online_retail/onlineretail.csv.gz',
    ...(target ? { target } : {}),
    ...(out ? { out } : {}),
  };
}

function required(values: Map<string, string>, name: string): string {
  const v = values.get(name);
  if (!v) throw new SoakUsageError(`--url needs --${name} too\n${usage}`);
  return v;
}
