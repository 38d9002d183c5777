import type { SchemaNode } from './product.ts';

const isProduct = (node: SchemaNode) => [node['@type']].flat().some((type) => /Product(Group)?$/.test(type));

/** Looks through arrays, `@graph` and `mainEntity` (not into lists: a category page is not a product view). */
const find = (node: unknown): SchemaNode | undefined => {
  if (Array.isArray(node)) {
    for (const child of node) {
      const product = find(child);
      if (product) return product;
    }
  } else if (node && typeof node == 'object') {
    return isProduct(node) ? node : find((node as SchemaNode)['@graph'] ?? (node as SchemaNode).mainEntity);
  }
};

/** The first schema.org Product in the page's `<script type="application/ld+json">` blocks. */
export const jsonLdProduct = (): SchemaNode | undefined => {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const product = find(JSON.parse(script.textContent!));
      if (product) return product;
    } catch {
      // invalid JSON is common in the wild (trailing commas, raw newlines): skip the block
    }
  }
};
