import { defaultPage, pageNames, publicPages, type RouteName } from './routes.ts';

/** What the page state in the hash query holds: the site and the period (inclusive days, YYYY-MM-DD). */
export interface RouteQuery {
  site?: string;
  from?: string;
  to?: string;
}

export interface Route {
  name: RouteName;
  /** the path segments after the page name, decoded: `#/people/abc` → ['abc'] */
  params: string[];
  query: RouteQuery;
}

const known = new Set<string>([...pageNames, ...publicPages]);
const isDay = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // a malformed escape: the segment is dropped
  }
}

/** `#/people/abc?site=s1&from=2026-11-01` → the route; anything unknown opens the default page. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = q === -1 ? body : body.slice(0, q);
  const search = new URLSearchParams(q === -1 ? '' : body.slice(q + 1));
  const [first = '', ...rest] = path.split('/').filter(Boolean);
  const name = decode(first);
  const query: RouteQuery = {};
  const site = search.get('site');
  if (site) query.site = site.slice(0, 64);
  const from = search.get('from');
  const to = search.get('to');
  if (isDay(from)) query.from = from;
  if (isDay(to)) query.to = to;
  if (query.from && query.to && query.from > query.to) delete query.from;
  if (!name || !known.has(name)) return { name: defaultPage, params: [], query };
  return { name: name as RouteName, params: rest.map(decode).filter((s): s is string => s !== null), query };
}

/** The hash for a route: parseHash(formatHash(r)) gives r back. */
export function formatHash(route: { name: RouteName; params?: string[]; query?: RouteQuery }): string {
  const path = [route.name, ...(route.params ?? [])].map(encodeURIComponent).join('/');
  const search = new URLSearchParams();
  for (const key of ['site', 'from', 'to'] as const) {
    const v = route.query?.[key];
    if (v) search.set(key, v);
  }
  const qs = search.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

const DAY = 86_400_000;

/**
 * The API's half-open period for the route's inclusive days: `to` is the day after the last one.
 * Absent days are left to the server (its default: the last 30 days up to its now).
 */
export function apiPeriod(query: RouteQuery): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (query.from) out.from = query.from;
  if (query.to) out.to = new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  return out;
}
