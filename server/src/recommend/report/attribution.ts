/** A click on a recommended item leads to its purchase if the purchase follows within this long. */
export const ATTRIBUTION_WINDOW_MS = 24 * 3600 * 1000;

/** One stored event the report reads: a block seen, an item clicked, or an order. */
export interface AttributionEvent {
  /** the person: a customer when the device was identified, else the device */
  person: string;
  name: 'rec_impression' | 'rec_click' | 'purchase';
  at: number;
  scenario?: string | undefined;
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
  private readonly lastClicks = new Map<string, Map<string, { at: number; scenario: string }>>();
  private readonly ordersSeen = new Set<string>();
  private readonly totals: AttributionTotals = { impressions: 0, clicks: 0, ctr: null, orders: 0, revenue: 0, shopRevenue: 0, orderCount: 0, currency: null };
  private readonly currencies = new Set<string>();

  constructor(private readonly from: number, private readonly to: number) {}

  add(e: AttributionEvent): void {
    const inPeriod = e.at >= this.from && e.at < this.to;
    switch (e.name) {
      case 'rec_impression':
        if (inPeriod && e.scenario) this.of(e.scenario).impressions++;
        break;
      case 'rec_click':
        if (!e.scenario) break;
        if (inPeriod) this.of(e.scenario).clicks++;
        for (const { itemId } of e.items) this.clicksOf(e.person).set(itemId, { at: e.at, scenario: e.scenario });
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
    for (const item of e.items) {
      const click = clicks.get(item.itemId);
      if (!click || e.at - click.at > ATTRIBUTION_WINDOW_MS) continue;
      const f = this.of(click.scenario);
      const quantity = item.quantity ?? 1;
      f.items += quantity;
      f.revenue += (item.price ?? 0) * quantity;
      if (!credited.has(click.scenario)) f.orders++;
      credited.add(click.scenario);
      clicks.delete(item.itemId); // one click is credited to one purchase
    }
    if (credited.size > 0) this.totals.orders++;
  }

  private of(scenario: string): ScenarioFigures {
    let f = this.figures.get(scenario);
    if (!f) this.figures.set(scenario, (f = { scenario, impressions: 0, clicks: 0, ctr: null, orders: 0, items: 0, revenue: 0 }));
    return f;
  }

  private clicksOf(person: string): Map<string, { at: number; scenario: string }> {
    let clicks = this.lastClicks.get(person);
    if (!clicks) this.lastClicks.set(person, (clicks = new Map()));
    return clicks;
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const ctrOf = ({ clicks, impressions }: { clicks: number; impressions: number }) => (impressions > 0 ? round(clicks / impressions, 4) : null);
