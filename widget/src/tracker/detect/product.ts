import { layerProduct } from './datalayer.ts';
import { jsonLdProducts } from './jsonld.ts';
import { microdataProducts } from './microdata.ts';
import { openGraphProduct } from './opengraph.ts';
import { shopifyProduct } from './shopify.ts';

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

/** Where a product's id may be, best first (Open Graph's is retailer_item_id). Empty strings do not count. */
const idKeys = ['sku', 'productID', 'productGroupID', 'mpn', 'gtin13', 'gtin14', 'gtin12', 'gtin8', 'gtin', 'retailer_item_id'];
const idOf = (node: SchemaNode) => idKeys.map((key) => node[key]).find((id) => id);

/**
 * Maps a Product to an item. Its first offer's fields (price, priceCurrency, availability; AggregateOffer's
 * lowPrice), a ProductGroup's first variant (and that variant's offer) and the group a variant belongs to
 * (`isVariantOf`) fill in what the product itself lacks. The product's URL is its `url`, else the page's canonical
 * link, else the page's address. Open Graph's names (title, amount, currency) are the fallbacks.
 */
export const productToItem = (product: SchemaNode): SchemaNode => {
  const variant = first(product.hasVariant);
  const facts: SchemaNode = {
    ...first(variant?.offers),
    ...variant,
    ...product.isVariantOf,
    ...first(product.offers),
    ...product,
  };
  const image = first(facts.image);
  return {
    // the product's own id first (a ProductGroup's productGroupID before its first variant's sku); each source on
    // its own, so that an empty `sku: ""` of the product does not hide its offer's
    item_id: [product, first(product.offers), variant, first(variant?.offers), product.isVariantOf]
      .map((node) => node && idOf(node))
      .find((id) => id),
    item_name: facts.name ?? facts.title,
    price: facts.price ?? facts.lowPrice ?? facts.amount,
    currency: facts.priceCurrency ?? facts.currency,
    item_brand: nameOf(facts.brand),
    item_category: nameOf(facts.category),
    image: absolute(image?.url ?? image),
    url: absolute(facts.url ?? document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.href),
    // schema.org's SoldOut is out of stock too
    availability: /SoldOut/i.test(facts.availability) ? 'OutOfStock' : facts.availability,
  };
};

/**
 * The page's product among several candidates: the only one, or the one the page's title names (a product page
 * may describe its product twice, or list related products after it). A category page lists many products and
 * names none of them in its title: no product.
 */
const pick = (products: SchemaNode[]) =>
  products[1]
    ? products.find((product) => {
        const name = first(product.name);
        return typeof name == 'string' && name && document.title.includes(name);
      })
    : products[0];

/**
 * The product this page shows, as an item: from JSON-LD, else microdata, else Open Graph, else the page's own script
 * data (Shopify's analytics meta, a view_item or Universal Analytics detail in the dataLayer). What the structured
 * data leaves out (an id, a price, a currency...) is filled in from that script data: Shopify's always (it is the
 * page's own product), the dataLayer's when it names the same product (same id or name). Without any id, the
 * product's URL is its id.
 */
export const findProduct = (): SchemaNode | undefined => {
  const product = pick(jsonLdProducts()) ?? pick(microdataProducts()) ?? openGraphProduct();
  const shopify = shopifyProduct();
  const layer = layerProduct();
  const item = product ? productToItem(product) : (shopify ?? layer);
  if (item) {
    const fill = (other?: SchemaNode) => {
      for (const key in other) item[key] ||= other[key];
    };
    // a Shopify page that shows a product outside its product template (a home page's featured product) has no
    // product in Shopify's meta, but still its currency
    fill(shopify ?? { currency: window.ShopifyAnalytics?.meta?.currency });
    if (layer?.item_id == item.item_id || layer?.item_name == item.item_name) fill(layer);
    item.item_id ||= item.url;
    return item;
  }
};
