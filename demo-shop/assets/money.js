// Sums are kept in pence so 0.1 + 0.2 never shows on a receipt. Delivery matches the header banner:
// £3.95, free from £40.
export const DELIVERY_PENCE = 395;
export const FREE_DELIVERY_FROM_PENCE = 4000;

export function toPence(amount) {
  return Math.round(amount * 100);
}

export function formatMoney(pence, currency = 'GBP') {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(pence / 100);
}

/** Subtotal, delivery and total of basket lines, in pence. */
export function totalsOf(lines) {
  const subtotal = lines.reduce((sum, line) => sum + toPence(line.price) * line.quantity, 0);
  const delivery = subtotal === 0 || subtotal >= FREE_DELIVERY_FROM_PENCE ? 0 : DELIVERY_PENCE;
  return { subtotal, delivery, total: subtotal + delivery, currency: lines[0]?.currency ?? 'GBP' };
}
