/** What a template may name: {name}, {price}, {old_price}, {count}, {shop}. */
export interface TemplateValues {
  name: string;
  price: string;
  old_price: string;
  count: string;
  shop: string;
}

const PLACEHOLDER = /\{(name|price|old_price|count|shop)\}/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/**
 * Fills a title or body template. A notification is plain text: no markup to escape, but control characters
 * are removed, white space folded and the result capped, so a product name cannot break the layout.
 */
export function fillTemplate(template: string, values: TemplateValues, maxLength: number): string {
  const text = template.replace(PLACEHOLDER, (_, key: keyof TemplateValues) => values[key]).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

export function formatPrice(price: number | null, currency: string | null): string {
  if (price === null) return '';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency ?? 'EUR' }).format(price);
  } catch {
    return price.toFixed(2); // an unknown currency code
  }
}
