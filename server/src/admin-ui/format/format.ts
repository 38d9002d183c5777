/**
 * Numbers, money and dates as the viewer reads them (their browser's locale) in the shop's currency.
 * One formatter per report: every report answers with its site's currency.
 */
export interface Format {
  locale: string;
  currency: string;
  /** 12345 → "12,345" */
  count(n: number | null | undefined): string;
  /** 1234.5 → "€1,234.50" (whole units past 10,000: a chart's axis needs no cents) */
  money(n: number | null | undefined): string;
  /** 1234.5 → "€1,235": whole units, for axis and bucket labels */
  moneyWhole(n: number | null | undefined): string;
  /** 0.1234 → "12.3%"; null (no base to divide by) → "–" */
  percent(ratio: number | null | undefined): string;
  /** the change between two counts, signed with a real minus: "+12", "−3", "±0" */
  delta(from: number, to: number): string;
  /** 0.4567 → "0.46" */
  decimal(n: number | null | undefined, digits?: number): string;
  /** "2026-11-23" → "23 Nov 2026" (a UTC day, as the API counts days) */
  day(day: string): string;
  /** "2026-11" → "Nov 2026" */
  month(month: string): string;
  /** an ISO instant → date and time in the viewer's zone */
  dateTime(iso: string | number | null | undefined): string;
}

const DASH = '–';

function viewerLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

/** The currency as Intl takes it; a code Intl refuses (stored by a shop, never checked) falls back to EUR. */
function safeCurrency(code: string): string {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return code.toUpperCase();
  } catch {
    return 'EUR';
  }
}

const made = new Map<string, Format>();

/** The formatter of a currency in a locale: built once (its Intl formatters are not cheap) and shared by every render. */
export function makeFormat(currency = 'EUR', locale = viewerLocale()): Format {
  const key = `${currency}\u0000${locale}`;
  let f = made.get(key);
  if (!f) made.set(key, (f = buildFormat(currency, locale)));
  return f;
}

function buildFormat(currency: string, locale: string): Format {
  const cur = safeCurrency(currency);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: cur });
  const bigMoney = new Intl.NumberFormat(locale, { style: 'currency', currency: cur, maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const decimals = new Map<number, Intl.NumberFormat>();
  const fixed = (digits: number) => {
    let nf = decimals.get(digits);
    if (!nf) decimals.set(digits, (nf = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })));
    return nf;
  };
  const none = (n: unknown): n is null | undefined => n === null || n === undefined || (typeof n === 'number' && !Number.isFinite(n));
  return {
    locale,
    currency: cur,
    count: (n) => (none(n) ? DASH : whole.format(n)),
    money: (n) => (none(n) ? DASH : Math.abs(n) >= 10_000 ? bigMoney.format(n) : money.format(n)),
    moneyWhole: (n) => (none(n) ? DASH : bigMoney.format(n)),
    percent: (r) => (none(r) ? DASH : percent.format(r)),
    delta: (from, to) => {
      const d = to - from;
      return d === 0 ? '±0' : d > 0 ? `+${whole.format(d)}` : `−${whole.format(-d)}`;
    },
    decimal: (n, digits = 2) => (none(n) ? DASH : fixed(digits).format(n)),
    day: (d) => {
      const t = Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(t) ? d : day.format(t);
    },
    month: (m) => {
      const t = Date.parse(`${m.slice(0, 7)}-01T00:00:00Z`);
      return Number.isNaN(t) ? m : month.format(t);
    },
    dateTime: (iso) => {
      if (iso === null || iso === undefined) return DASH;
      const t = typeof iso === 'number' ? iso : Date.parse(iso);
      return Number.isNaN(t) ? String(iso) : dateTime.format(t);
    },
  };
}
