import { z } from 'zod';
import { badRequest } from '../../http/errors.ts';

const DAY = 86_400_000;
/** how far back a period reaches when the caller names no `from` */
export const DEFAULT_PERIOD_DAYS = 30;

/** A half-open time range [from, to) in epoch ms. */
export interface Period {
  from: number;
  to: number;
}

// A date is midnight UTC; a date-time must carry its offset (Z or ±hh:mm) so the server's zone never matters.
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((s) => Date.parse(s));

const periodQuery = z.object({ from: instant.optional(), to: instant.optional() });

/** Reads `from` and `to` from a query; `to` defaults to now, `from` to 30 days before `to`. */
export function periodFromQuery(query: Record<string, string | undefined>, now: number): Period {
  const parsed = periodQuery.safeParse({ from: query.from || undefined, to: query.to || undefined });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'from/to';
    throw badRequest(`invalid query: ${field} must be an ISO date (2026-11-01) or date-time with offset (2026-11-01T09:30:00Z)`);
  }
  const to = parsed.data.to ?? now;
  const from = parsed.data.from ?? to - DEFAULT_PERIOD_DAYS * DAY;
  if (from >= to) throw badRequest('invalid query: from must be before to');
  return { from, to };
}

/** The UTC days a period touches, first and last inclusive, as `YYYY-MM-DD`. */
export function daysOf(p: Period): { first: string; last: string } {
  return { first: utcDay(p.from), last: utcDay(p.to - 1) };
}

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period as the API answers it. */
export const isoPeriod = (p: Period) => ({ from: new Date(p.from).toISOString(), to: new Date(p.to).toISOString() });
