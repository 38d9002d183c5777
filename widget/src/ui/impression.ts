/** At least this share of the block in view counts as seen (the usual viewability rule for a display unit). */
const threshold = 0.5;

/**
 * Calls `onSeen` once, the first time at least half of `element` is in view; returns a function that stops
 * watching. Without IntersectionObserver nothing is reported: no impression rather than a guessed one.
 */
export const watchImpression = (element: Element, onSeen: () => void): (() => void) => {
  if (typeof IntersectionObserver != 'function') return () => {};
  const observer = new IntersectionObserver(
    (entries) => {
      // browsers round the ratio: one a hair under the threshold is the crossing that woke us
      if (entries.some((entry) => entry.isIntersecting && entry.intersectionRatio >= threshold - 0.01)) {
        observer.disconnect();
        onSeen();
      }
    },
    { threshold },
  );
  observer.observe(element);
  return () => observer.disconnect();
};
