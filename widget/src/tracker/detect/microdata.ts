import type { SchemaNode } from './product.ts';

/** Reads an itemscope into an object: nested itemscopes become nested objects, the first value of a name wins. */
const read = (scope: Element): SchemaNode => {
  const node: SchemaNode = {};
  for (const element of scope.querySelectorAll('[itemprop]')) {
    // a property belongs to the nearest enclosing itemscope
    if (element.parentElement!.closest('[itemscope]') != scope) continue;
    const value = element.hasAttribute('itemscope')
      ? read(element)
      : (element.getAttribute('content') ??
        element.getAttribute('href') ??
        element.getAttribute('src') ??
        element.textContent!.trim());
    for (const name of element.getAttribute('itemprop')!.split(/\s+/)) node[name] ??= value;
  }
  return node;
};

/** The first `itemtype=".../Product"` in the page, read into schema.org's JSON-LD shape. */
export const microdataProduct = (): SchemaNode | undefined => {
  const scope = document.querySelector('[itemscope][itemtype$="/Product"]');
  return scope ? read(scope) : undefined;
};
