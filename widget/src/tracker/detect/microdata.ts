import type { SchemaNode } from './product.ts';
import { readProperties } from './properties.ts';

/** The first `itemtype=".../Product"` in the page, read into schema.org's JSON-LD shape. */
export const microdataProduct = (): SchemaNode | null => {
  const scope = document.querySelector('[itemtype$="/Product"]');
  return scope && readProperties(scope, 'itemprop');
};
