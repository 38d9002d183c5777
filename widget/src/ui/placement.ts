/** What a block's element asks for: `<div data-shoploop="also-bought" data-item="SKU" data-limit="8">`. */
export interface Placement {
  /** `data-shoploop`: a scenario of /v1/recommendations, or `auto` (also when empty) */
  scenario: string;
  /** `data-item`: the product the list is about; else the page's own product, if it has one */
  item?: string;
  /** `data-category`: for `popular` in one category */
  category?: string;
  /** `data-limit`: at most this many items, 1 to 50 (default 8) */
  limit: number;
  /** `data-min`: show nothing unless at least this many come back, 1 to 50 (default 1) */
  min: number;
  /** `data-title`: the heading; else one that fits the scenario served */
  title?: string;
  /** `data-currency`: ISO 4217 code for prices; else the page product's currency, else plain numbers */
  currency?: string;
}

/** A count between 1 and 50 (the API's range); a missing or unreadable one is the fallback. */
const count = (value: string | undefined, fallback: number) => {
  const n = Math.round(Number(value));
  return n >= 1 ? Math.min(n, 50) : fallback;
};

/** Reads a block's data- attributes; empty ones count as absent. */
export const readPlacement = (element: HTMLElement): Placement => {
  const { shoploop, item, category, limit, min, title, currency } = element.dataset;
  return {
    scenario: shoploop || 'auto',
    item: item || undefined,
    category: category || undefined,
    limit: count(limit, 8),
    min: count(min, 1),
    title: title || undefined,
    currency: currency || undefined,
  };
};

/** The attributes `readPlacement` reads: a change to one of them re-renders the block. */
export const placementAttributes = ['data-shoploop', 'data-item', 'data-category', 'data-limit', 'data-min', 'data-title', 'data-currency'];
