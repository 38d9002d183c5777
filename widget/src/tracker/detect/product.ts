import { jsonLdProduct } from './jsonld.ts';
import { microdataProduct } from './microdata.ts';
import { openGraphProduct } from './opengraph.ts';

/**
 * A schema.org Product as found in a page. JSON-LD gives it directly; microdata and Open Graph are read into the
 * same shape so one mapping serves all three. Loosely typed on purpose: `cleanParams` validates the result.
 */
export type SchemaNode = Record<string, any>;

/** A value, or the first of a list of them (schema.org allows both almost everywhere). */
export const first = (value: unknown) => [value].flat()[0] as SchemaNode | undefined;

/** `brand: "Acme"` or `brand: { "@type": "Brand", name: "Acme" }` */
const nameOf = (value: unknown) => first(value)?.name ?? first(value);

const absolute = (url: unknown) => {
  try {
    if (typeof url == 'string') return new URL(url, location.href).href;
  } catch {}
};

/**
 * Maps a Product (or a ProductGroup's first variant) to an item. The first offer's fields (price, priceCurrency,
 * availability; AggregateOffer's lowPrice) join the product's own, which win where both have one (url, name).
 * Open Graph's names (title, amount, currency, retailer_item_id) are the fallbacks.
 */
export const productToItem = (product: SchemaNode) => {
  const facts: SchemaNode = { ...first(product.offers ?? first(product.hasVariant)?.offers), ...product };
  const image = first(facts.image);
  return {
    item_id:
      facts.sku ??
      facts.productID ??
      facts.gtin13 ??
      facts.gtin ??
      facts.retailer_item_id ??
      facts.productGroupID ??
      facts['@id'],
    item_name: facts.name ?? facts.title,
    price: facts.price ?? facts.lowPrice ?? facts.amount,
    currency: facts.priceCurrency ?? facts.currency,
    item_brand: nameOf(facts.brand),
    item_category: nameOf(facts.category),
    image: absolute(image?.url ?? image),
    url: absolute(facts.url ?? location.href),
    availability: facts.availability,
  };
};

/** The product this page shows, from JSON-LD, else microdata, else Open Graph. */
export const findProduct = () => {
  const product = jsonLdProduct() ?? microdataProduct() ?? openGraphProduct();
  return product && productToItem(product);
};
