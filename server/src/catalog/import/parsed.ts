/** The result of reading one value from a feed: the value, or a reason a person can act on. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** A feed value quoted in a message, cut short so one bad cell does not flood the report. */
export const quote = (value: unknown, max = 60): string => {
  const s = String(value);
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
};
