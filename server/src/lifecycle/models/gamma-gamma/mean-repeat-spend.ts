import { DAY_MS } from '../time-unit.ts';

export interface Purchase {
  /** ms since the epoch */
  at: number;
  amount: number;
}

/**
 * Mean value of a buyer's repeat purchase occasions as of `now`: orders are summed per UTC day (matching
 * purchaseHistoryFromTimes, where a day is one occasion), the first day is dropped (the model's spend is
 * for repeat purchases), and the rest averaged. 0 when there is no repeat day, as lifetimes reports it.
 */
export function meanRepeatSpend(purchases: readonly Purchase[], now: number): number {
  const nowDay = Math.floor(now / DAY_MS);
  const spendByDay = new Map<number, number>();
  for (const { at, amount } of purchases) {
    const day = Math.floor(at / DAY_MS);
    if (day <= nowDay) spendByDay.set(day, (spendByDay.get(day) ?? 0) + amount);
  }
  if (spendByDay.size < 2) return 0;
  const firstDay = Math.min(...spendByDay.keys());
  let total = 0;
  for (const [day, spend] of spendByDay) if (day !== firstDay) total += spend;
  return total / (spendByDay.size - 1);
}
