import { jsonLdProduct } from './jsonld.ts';
import { microdataProduct } from './microdata.ts';
import { openGraphProduct } from './opengraph.ts';

/**
 * A schema.org Product as found in a page. JSON-LD gives it directly; microdata and Open Graph are read into the
 * same shape so one mapping serves all three. Loosely typed on purpose: `cleanParams` validates the result.
 */
export type SchemaNode = Record<string, any>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value) as SchemaNode | undefined;

/** `brand: "Acme"` or `brand: { "@type": "Brand", name: "Acme" }` */
const nameOf = (value: unknown) => first(value)?.name ?? first(value);

const absolute = (url: unknown) => {
  try {
    if (typeof url == 'string') return new URL(url, location.href).href;
  } catch {}
};

/** Maps a Product (or ProductGroup) to an item; offers may be one Offer, a list, or an AggregateOffer. */
export const productToItem = (product: SchemaNode) => {
  const offer = first(product.offers ?? first(product.hasVariant)?.offers) ?? {};
  const price = first(offer.priceSpecification) ?? {};
  const image = first(product.image);
  return {
    item_id:
      product.sku ??
      product.productID ??
      product.gtin ??
      product.gtin13 ??
      product.gtin12 ??
      product.gtin14 ??
      product.gtin8 ??
      product.productGroupID ??
      product['@id'],
    item_name: product.name,
    price: offer.price ?? offer.lowPrice ?? price.price,
    currency: offer.priceCurrency ?? price.priceCurrency,
    item_brand: nameOf(product.brand),
    item_category: nameOf(product.category),
    image: absolute(image?.url ?? image?.contentUrl ?? image),
    url: absolute(product.url ?? offer.url ?? location.href),
    availability: offer.availability,
  };
};

/** The product this page shows, from JSON-LD, else microdata, else Open Graph. */
export const findProduct = () => {
  const product = jsonLdProduct() ?? microdataProduct() ?? openGraphProduct();
  return product && productToItem(product);
};
