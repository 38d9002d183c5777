import { utcDay } from '../../lifecycle/read/period.ts';

/** A click on a recommended item leads to its purchase if the purchase follows within this long. */
export const ATTRIBUTION_WINDOW_MS = 24 * 3600 * 1000;

/** One stored event the report reads: a block seen, an item clicked, or an order. */
export interface AttributionEvent {
  /** the person: a customer when the device was identified, else the device */
  person: string;
  name: 'rec_impression' | 'rec_click' | 'purchase';
  at: number;
  scenario?: string | undefined;
  /** where the block was: the page type of the event's page (page-type.ts) */
  pageType?: string | undefined;
  transactionId?: string | undefined;
  value?: number | undefined;
  currency?: string | undefined;
  items: Array<{ itemId: string; price?: number | undefined; quantity?: number | undefined }>;
}

export interface ScenarioFigures {
  scenario: string;
  impressions: number;
  clicks: number;
  /** clicks per impression, null before the first impression */
  ctr: number | null;
  /** orders holding at least one attributed item */
  orders: number;
  /** attributed units sold */
  items: number;
  /** price × quantity of the attributed items */
  revenue: number;
}

/** One scenario on one page type, or on one day: the admin's Recommendations page. */
export interface BreakdownFigures {
  impressions: number;
  clicks: number;
  orders: number;
  items: number;
  revenue: number;
}

/**
 * One scenario on one page type on one UTC day: impressions and clicks on that day, and the purchases of that day
 * credited to a click on a block of that scenario on that page type. Days and page types add up (breakdown.ts).
 */
export interface BreakdownCell extends BreakdownFigures {
  day: string;
  scenario: string;
  pageType: string;
}

export interface AttributionTotals {
  impressions: number;
  clicks: number;
  /** clicks per impression over every scenario, null before the first impression */
  ctr: number | null;
  orders: number;
  revenue: number;
  /** the value of every order in the period, attributed or not */
  shopRevenue: number;
  orderCount: number;
  /** the orders' currency, or null when they used more than one */
  currency: string | null;
  /** every currency the orders used */
  currencies: string[];
}

/**
 * Folds events in time order into per-scenario figures for [from, to). Last click wins: an item bought is
 * credited to the scenario of the newest click on it by the same person in the 24 h before. Events before
 * `from` only supply such clicks (and use them up, when bought then). A transaction id counts once (a reloaded confirmation page re-fires it).
 */
export class Attribution {
  private readonly figures = new Map<string, ScenarioFigures>();
  /** person → item → newest click */
  private readonly lastClicks = new Map<string, Map<string, Click>>();
  private readonly cells = new Map<string, BreakdownCell>();
  private readonly ordersSeen = new Set<string>();
  private readonly totals: AttributionTotals = { impressions: 0, clicks: 0, ctr: null, orders: 0, revenue: 0, shopRevenue: 0, orderCount: 0, currency: null, currencies: [] };
  private readonly currencies = new Set<string>();

  constructor(private readonly from: number, private readonly to: number) {}

  add(e: AttributionEvent): void {
    const inPeriod = e.at >= this.from && e.at < this.to;
    switch (e.name) {
      case 'rec_impression':
        if (inPeriod && e.scenario) {
          this.of(e.scenario).impressions++;
          this.cell(e.at, e.scenario, e.pageType).impressions++;
        }
        break;
      case 'rec_click':
        if (!e.scenario) break;
        if (inPeriod) {
          this.of(e.scenario).clicks++;
          this.cell(e.at, e.scenario, e.pageType).clicks++;
        }
        for (const { itemId } of e.items) this.clicksOf(e.person).set(itemId, { at: e.at, scenario: e.scenario, pageType: e.pageType });
        break;
      case 'purchase':
        // before the period a purchase still uses up its clicks and its transaction id, as in a longer report
        if (inPeriod || e.at < this.from) this.purchase(e, inPeriod);
        break;
    }
  }

  report(): { scenarios: ScenarioFigures[]; totals: AttributionTotals } {
    const scenarios = [...this.figures.values()]
      .map((f) => ({ ...f, ctr: ctrOf(f), revenue: round(f.revenue, 2) }))
      .sort((a, b) => b.revenue - a.revenue || b.clicks - a.clicks || (a.scenario < b.scenario ? -1 : 1));
    const totals = { ...this.totals, currency: this.currencies.size === 1 ? [...this.currencies][0]! : null, currencies: [...this.currencies] };
    for (const f of scenarios) {
      totals.impressions += f.impressions;
      totals.clicks += f.clicks;
      totals.revenue += f.revenue;
    }
    return { scenarios, totals: { ...totals, ctr: ctrOf(totals), revenue: round(totals.revenue, 2), shopRevenue: round(totals.shopRevenue, 2) } };
  }

  /** The figures per day, scenario and page type, from the same pass as report(). */
  breakdown(): BreakdownCell[] {
    return [...this.cells.values()];
  }

  private purchase(e: AttributionEvent, count: boolean): void {
    const key = `${e.person} ${e.transactionId ?? ''}`;
    if (e.transactionId && this.ordersSeen.has(key)) return;
    this.ordersSeen.add(key);
    const clicks = this.lastClicks.get(e.person);
    if (!count) {
      for (const item of e.items) if (clicks?.get(item.itemId) && e.at - clicks.get(item.itemId)!.at <= ATTRIBUTION_WINDOW_MS) clicks.delete(item.itemId);
      return;
    }
    this.totals.orderCount++;
    this.totals.shopRevenue += e.value ?? e.items.reduce((sum, i) => sum + (i.price ?? 0) * (i.quantity ?? 1), 0);
    if (e.currency) this.currencies.add(e.currency);
    if (!clicks) return;
    const credited = new Set<string>();
    const creditedCells = new Set<BreakdownCell>();
    for (const item of e.items) {
      const click = clicks.get(item.itemId);
      if (!click || e.at - click.at > ATTRIBUTION_WINDOW_MS) continue;
      const f = this.of(click.scenario);
      const quantity = item.quantity ?? 1;
      const revenue = (item.price ?? 0) * quantity;
      f.items += quantity;
      f.revenue += revenue;
      if (!credited.has(click.scenario)) f.orders++;
      credited.add(click.scenario);
      // the block's page is where the click was; the day is the purchase's
      const cell = this.cell(e.at, click.scenario, click.pageType);
      cell.items += quantity;
      cell.revenue += revenue;
      if (!creditedCells.has(cell)) cell.orders++;
      creditedCells.add(cell);
      clicks.delete(item.itemId); // one click is credited to one purchase
    }
    if (credited.size > 0) this.totals.orders++;
  }

  private of(scenario: string): ScenarioFigures {
    let f = this.figures.get(scenario);
    if (!f) this.figures.set(scenario, (f = { scenario, impressions: 0, clicks: 0, ctr: null, orders: 0, items: 0, revenue: 0 }));
    return f;
  }

  private cell(at: number, scenario: string, pageType = 'other'): BreakdownCell {
    const day = utcDay(at);
    const key = `${day}\u0000${scenario}\u0000${pageType}`;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = { day, scenario, pageType, impressions: 0, clicks: 0, orders: 0, items: 0, revenue: 0 }));
    return c;
  }

  private clicksOf(person: string): Map<string, Click> {
    let clicks = this.lastClicks.get(person);
    if (!clicks) this.lastClicks.set(person, (clicks = new Map()));
    return clicks;
  }
}

interface Click {
  at: number;
  scenario: string;
  pageType: string | undefined;
}

export const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
export const ctrOf = ({ clicks, impressions }: { clicks: number; impressions: number }) => (impressions > 0 ? round(clicks / impressions, 4) : null);
