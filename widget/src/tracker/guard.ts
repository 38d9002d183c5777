/** Wraps a callback so nothing it throws reaches the host page (debug builds still log it). */
export const guard =
  <A extends unknown[]>(fn: (...args: A) => unknown) =>
  (...args: A): void => {
    try {
      fn(...args);
    } catch (error) {
      if (import.meta.env.DEV) console.warn('[shoploop]', error);
    }
  };
