const formatters = new Map<string, Intl.NumberFormat>();

/** "£2.95": what the shop shows; the data keeps plain numbers. */
export function formatPrice(amount: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(amount);
}
