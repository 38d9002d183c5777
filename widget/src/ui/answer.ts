/** One recommended product, as `GET /v1/recommendations` answers it (server/src/routes/recommendations.ts). */
export interface Recommendation {
  item_id: string;
  name: string | null;
  price: number | null;
  image: string | null;
  url: string | null;
}

/** The answer: which list this is (for rec_impression and rec_click), the scenario served, and its items. */
export interface Answer {
  rec_id: string;
  scenario: string;
  items: Recommendation[];
}

const text = (value: unknown) => (typeof value == 'string' && value ? value : null);

/**
 * Reads an answer without trusting it: anything but the documented shape is no answer, items without an id are
 * dropped, and odd fields become null (a proxy or an older server may say anything).
 */
export const parseAnswer = (body: unknown): Answer | undefined => {
  const { rec_id, scenario, items } = Object(body);
  if (!text(rec_id) || !text(scenario) || !Array.isArray(items)) return;
  return {
    rec_id,
    scenario,
    items: items
      .map((item) => Object(item))
      .filter((item) => text(item.item_id))
      .map(({ item_id, name, price, image, url }) => ({
        item_id,
        name: text(name),
        price: typeof price == 'number' && Number.isFinite(price) ? price : null,
        image: text(image),
        url: text(url),
      })),
  };
};
