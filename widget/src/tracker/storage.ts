// Small string values in localStorage, read and written as properties (shorter than getItem/setItem). Where
// localStorage is unavailable (storage disabled, sandboxed iframe) this page keeps them in memory instead.
const memory: Record<string, string | undefined> = {};

const store = (): Record<string, string | undefined> => {
  try {
    return localStorage as never;
  } catch {
    return memory;
  }
};

export const load = (key: string): string | undefined => store()[key];

export const save = (key: string, value: string): void => {
  try {
    store()[key] = value;
  } catch {} // full quota
};

/** Empties a key (an empty value reads as absent); cheaper than removeItem and never throws. */
export const remove = (key: string): void => save(key, '');
