import type { SchemaNode } from './product.ts';

/** A node and what it holds at the top: list items, `@graph`, `mainEntity` (not lists of products: a category page). */
const nodes = (node: any): SchemaNode[] =>
  Array.isArray(node) ? node.flatMap(nodes) : node ? [node, ...nodes(node['@graph'] ?? node.mainEntity)] : [];

/** The first schema.org Product (or ProductGroup, IndividualProduct...) in the page's JSON-LD blocks. */
export const jsonLdProduct = (): SchemaNode | undefined =>
  [...document.querySelectorAll('script[type$="ld+json"]')]
    .flatMap((script) => {
      try {
        return nodes(JSON.parse(script.textContent!));
      } catch {
        return []; // invalid JSON is common in the wild (trailing commas, raw newlines): skip the block
      }
    })
    .find((node) => /Product/.test(node['@type']));
