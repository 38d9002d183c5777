import type { SchemaNode } from './product.ts';
import { readProperties } from './properties.ts';

/** Every `itemtype=".../Product"` scope of the page (also IndividualProduct, ProductGroup), in schema.org's JSON-LD shape. */
export const microdataProducts = (): SchemaNode[] =>
  [...document.querySelectorAll('[itemtype*="/Product"]')].map((scope) => readProperties(scope, 'itemprop'));
