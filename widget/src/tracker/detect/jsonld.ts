import type { SchemaNode } from './product.ts';

/**
 * A node and the nodes it holds for the page as a whole: list items, `@graph`, `mainEntity`, a review's
 * `itemReviewed`. Not an ItemList's elements: those are the products of a category page.
 */
const nodes = (node: any): SchemaNode[] =>
  Array.isArray(node)
    ? node.flatMap(nodes)
    : node
      ? [node, ...nodes(node['@graph'] ?? node.mainEntity ?? node.itemReviewed)]
      : [];

/**
 * Every schema.org Product of the page's JSON-LD blocks, in page order: also its kinds (ProductGroup,
 * IndividualProduct, ProductModel...) and a Vehicle or Car, which schema.org counts as products too.
 */
export const jsonLdProducts = (): SchemaNode[] =>
  [...document.querySelectorAll('script[type$="ld+json"]')]
    .flatMap((script) => {
      try {
        return nodes(JSON.parse(script.textContent!));
      } catch {
        return []; // invalid JSON is common in the wild (trailing commas, raw newlines): skip the block
      }
    })
    .filter((node) => /Product|Vehicle|\bCar\b/.test(node['@type']));
