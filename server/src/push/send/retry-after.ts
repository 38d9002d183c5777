/**
 * A Retry-After header (RFC 9110 §10.2.3) as milliseconds from `now`: delay-seconds or an HTTP-date. A date in the
 * past means "now" (0); anything unreadable is null, and the caller falls back to its own backoff.
 */
export function retryAfterMs(value: string | string[] | undefined, now: number): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date always names its weekday and time zone (IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", or the
  // obsolete RFC 850 and asctime forms); Date.parse reads all three.
  if (!/[a-z]{3}/i.test(text)) return null;
  const at = Date.parse(/\b(GMT|UTC)$/.test(text) ? text : `${text} GMT`); // asctime carries no zone: it is GMT
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
