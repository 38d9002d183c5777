import type { Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { badRequest } from '../http/errors.ts';
import { periodFromQuery, type Period } from '../lifecycle/read/period.ts';
import { chooseSite } from '../lifecycle/read/site-choice.ts';
import type { Site } from '../db/schema/sites.ts';

/** A site named by id or public key, in a query or a body. */
export const siteRef = z.string().min(1).max(64);

/** `?site=`, empty meaning not given. */
export function siteQuery(c: Context): string | undefined {
  const raw = c.req.query('site') || undefined;
  if (raw !== undefined && !siteRef.safeParse(raw).success) throw badRequest('invalid query: site must be at most 64 characters');
  return raw;
}

/** What the admin's report endpoints read first: `?from=&to=` (default: the last 30 days) and `?site=`. */
export async function reportScope(c: Context, { db, clock }: Pick<AppDeps, 'db' | 'clock'>): Promise<{ site: Site; period: Period }> {
  const period = periodFromQuery(c.req.query(), clock.now());
  return { period, site: await chooseSite(db, siteQuery(c)) };
}
