import type { SchemaNode } from './product.ts';
import { readProperties } from './properties.ts';

/** The first `itemtype=".../Product"` in the page, read into schema.org's JSON-LD shape. */
export const microdataProduct = (): SchemaNode | undefined => {
  const scope = document.querySelector('[itemtype$="/Product"]');
  if (scope) return readProperties(scope, 'itemprop');
};
