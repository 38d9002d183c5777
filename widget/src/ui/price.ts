/**
 * A price in the page's language (`<html lang>`): with its currency when one is known (`data-currency`, else the
 * page product's), else as a plain number with two decimals. Empty when there is no price.
 */
export const formatPrice = (price: number | null, currency?: string): string => {
  if (price == null || !Number.isFinite(price)) return '';
  const options: Intl.NumberFormatOptions = currency
    ? { style: 'currency', currency }
    : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  for (const locale of [document.documentElement.lang || undefined, undefined]) {
    try {
      return new Intl.NumberFormat(locale, options).format(price);
    } catch {} // a malformed lang, or an unknown currency code: try without the language, then give up on it
  }
  return price.toFixed(2);
};
