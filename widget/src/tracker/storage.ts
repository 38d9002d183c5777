// Small string values in localStorage, read and written as properties (shorter than getItem/setItem). Where
// localStorage is unavailable (storage disabled, sandboxed iframe) this page keeps them in memory instead.
// Everything the script keeps there, so a privacy review reads it in one place (the outbox is in IndexedDB).
/** "<visitor id> <session id> <last activity ms>", first-party, no cookie */
export const identityKey = 'shoploop:id';
/** a remembered refusal: a flag, never an id */
export const deniedKey = 'shoploop:denied';
/** −(time of the last purchase), then the time the UI next asks for review requests (widget/src/ui/reviews/ask.ts) */
export const reviewsKey = 'shoploop:reviews';

const memory: Record<string, string | undefined> = {};

const store = (): Record<string, string | undefined> => {
  try {
    return localStorage as never;
  } catch {
    return memory;
  }
};

export const load = (key: string): string | undefined => store()[key];

/** Saving '' forgets a key: an empty value reads as absent (cheaper than removeItem, and never throws). */
export const save = (key: string, value: string): void => {
  try {
    store()[key] = value;
  } catch {} // full quota
};

