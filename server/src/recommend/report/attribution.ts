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

export interface AttributionBreakdown {
  /** per scenario and the page type its block was on (orders and revenue: where the credited click was) */
  byPageType: Array<{ scenario: string; pageType: string } & BreakdownFigures & { ctr: number | null }>;
  /** per UTC day and scenario (orders and revenue: on the purchase's day) */
  byDay: Array<{ day: string; scenario: string } & BreakdownFigures>;
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
}

/**
 * Folds events in time order into per-scenario figures for [from, to). Last click wins: an item bought is
 * credited to the scenario of the newest click on it by the same person in the 24 h before. Events before
 * `from` only supply such clicks. A transaction id counts once (a reloaded confirmation page re-fires it).
 */
export class Attribution {
  private readonly figures = new Map<string, ScenarioFigures>();
  /** person → item → newest click */
  private readonly lastClicks = new Map<string, Map<string, Click>>();
  private readonly byPageType = new Map<string, BreakdownFigures>();
  private readonly byDay = new Map<string, BreakdownFigures>();
  private readonly ordersSeen = new Set<string>();
  private readonly totals: AttributionTotals = { impressions: 0, clicks: 0, ctr: null, orders: 0, revenue: 0, shopRevenue: 0, orderCount: 0, currency: null };
  private readonly currencies = new Set<string>();

  constructor(private readonly from: number, private readonly to: number) {}

  add(e: AttributionEvent): void {
    const inPeriod = e.at >= this.from && e.at < this.to;
    switch (e.name) {
      case 'rec_impression':
        if (inPeriod && e.scenario) {
          this.of(e.scenario).impressions++;
          for (const f of this.cells(e.scenario, e.pageType, e.at)) f.impressions++;
        }
        break;
      case 'rec_click':
        if (!e.scenario) break;
        if (inPeriod) {
          this.of(e.scenario).clicks++;
          for (const f of this.cells(e.scenario, e.pageType, e.at)) f.clicks++;
        }
        for (const { itemId } of e.items) this.clicksOf(e.person).set(itemId, { at: e.at, scenario: e.scenario, pageType: e.pageType });
        break;
      case 'purchase':
        if (inPeriod) this.purchase(e);
        break;
    }
  }

  report(): { scenarios: ScenarioFigures[]; totals: AttributionTotals } {
    const scenarios = [...this.figures.values()]
      .map((f) => ({ ...f, ctr: ctrOf(f), revenue: round(f.revenue, 2) }))
      .sort((a, b) => b.revenue - a.revenue || b.clicks - a.clicks || (a.scenario < b.scenario ? -1 : 1));
    const totals = { ...this.totals, currency: this.currencies.size === 1 ? [...this.currencies][0]! : null };
    for (const f of scenarios) {
      totals.impressions += f.impressions;
      totals.clicks += f.clicks;
      totals.revenue += f.revenue;
    }
    return { scenarios, totals: { ...totals, ctr: ctrOf(totals), revenue: round(totals.revenue, 2), shopRevenue: round(totals.shopRevenue, 2) } };
  }

  /** The figures by page type and by day, in the same pass as report(). */
  breakdown(): AttributionBreakdown {
    const split = (key: string) => key.split('\u0000') as [string, string];
    const byPageType = [...this.byPageType].map(([key, f]) => {
      const [scenario, pageType] = split(key);
      return { scenario, pageType, ...f, ctr: ctrOf(f), revenue: round(f.revenue, 2) };
    });
    byPageType.sort((a, b) => b.revenue - a.revenue || b.clicks - a.clicks || b.impressions - a.impressions || (`${a.scenario} ${a.pageType}` < `${b.scenario} ${b.pageType}` ? -1 : 1));
    const byDay = [...this.byDay].map(([key, f]) => {
      const [day, scenario] = split(key);
      return { day, scenario, ...f, revenue: round(f.revenue, 2) };
    });
    byDay.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.scenario < b.scenario ? -1 : 1));
    return { byPageType, byDay };
  }

  private purchase(e: AttributionEvent): void {
    const key = `${e.person} ${e.transactionId ?? ''}`;
    if (e.transactionId && this.ordersSeen.has(key)) return;
    this.ordersSeen.add(key);
    this.totals.orderCount++;
    this.totals.shopRevenue += e.value ?? e.items.reduce((sum, i) => sum + (i.price ?? 0) * (i.quantity ?? 1), 0);
    if (e.currency) this.currencies.add(e.currency);
    const clicks = this.lastClicks.get(e.person);
    if (!clicks) return;
    const credited = new Set<string>();
    const creditedCells = new Set<BreakdownFigures>();
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
      for (const cell of [this.cell(this.byPageType, click.scenario, click.pageType ?? 'other'), this.cell(this.byDay, utcDay(e.at), click.scenario)]) {
        cell.items += quantity;
        cell.revenue += revenue;
        if (!creditedCells.has(cell)) cell.orders++;
        creditedCells.add(cell);
      }
      clicks.delete(item.itemId); // one click is credited to one purchase
    }
    if (credited.size > 0) this.totals.orders++;
  }

  private of(scenario: string): ScenarioFigures {
    let f = this.figures.get(scenario);
    if (!f) this.figures.set(scenario, (f = { scenario, impressions: 0, clicks: 0, ctr: null, orders: 0, items: 0, revenue: 0 }));
    return f;
  }

  private cells(scenario: string, pageType: string | undefined, at: number): BreakdownFigures[] {
    return [this.cell(this.byPageType, scenario, pageType ?? 'other'), this.cell(this.byDay, utcDay(at), scenario)];
  }

  private cell(map: Map<string, BreakdownFigures>, a: string, b: string): BreakdownFigures {
    const key = `${a}\u0000${b}`;
    let f = map.get(key);
    if (!f) map.set(key, (f = { impressions: 0, clicks: 0, orders: 0, items: 0, revenue: 0 }));
    return f;
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

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const ctrOf = ({ clicks, impressions }: { clicks: number; impressions: number }) => (impressions > 0 ? round(clicks / impressions, 4) : null);
