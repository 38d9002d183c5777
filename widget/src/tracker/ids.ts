/**
 * A random id that sorts by creation time: 9 base-36 digits of epoch ms, then 64 random bits.
 * Fits the collector's id rule (≤ 64 chars of [\w.:-]).
 */
export const newId = (): string =>
  Date.now().toString(36).padStart(9, '0') + '-' + crypto.getRandomValues(new Uint32Array(2)).join('');

/** Whether a stored id can still be sent (localStorage may hold anything). */
export const isId = (value: string | null | undefined): value is string => /^[\w.:-]{1,64}$/.test(value ?? '');
