/** The unit every recency, age and horizon of one fit is measured in. */
export type TimeUnit = 'days' | 'weeks';

export const DAY_MS = 86_400_000;

export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7 };

/** Units per month, as lifetimes' customer_lifetime_value uses them (30 days, 4.345 weeks). */
export const UNITS_PER_MONTH: Readonly<Record<TimeUnit, number>> = { days: 30, weeks: 4.345 };
