// Numbers and dates in the page's language (`<html lang>`), as the blocks' prices are (../price.ts).

const inPageLanguage = <T>(format: (locale: string | undefined) => T, fallback: T): T => {
  for (const locale of [document.documentElement.lang || undefined, undefined]) {
    try {
      return format(locale);
    } catch {} // a malformed lang: try without it
  }
  return fallback;
};

/** An average rating with one decimal: "4.3", "4,3" in German. */
export const formatAverage = (average: number): string =>
  inPageLanguage((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average), average.toFixed(1));

/** A date the server sent as ISO 8601, as "12 March 2025" in the page's language; empty when it is not a date. */
export const formatDate = (iso: string): string => {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '';
  return inPageLanguage((locale) => date.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' }), iso.slice(0, 10));
};

/** "1 review", "12 reviews". */
export const reviewCount = (count: number): string => `${count} review${count == 1 ? '' : 's'}`;
