import type { SchemaNode } from './product.ts';

/**
 * Reads name/value attributes under `scope` into an object; the first value of a name wins. Microdata
 * (`itemprop`): a property belongs to its nearest itemscope, and nested itemscopes become nested objects.
 * Open Graph (`<meta property="product:price:amount" content>`): named by the last part, here `amount`.
 */
export const readProperties = (scope: ParentNode, attribute: 'itemprop' | 'property'): SchemaNode => {
  const node: SchemaNode = {};
  for (const element of scope.querySelectorAll(`[${attribute}]`)) {
    if (attribute == 'itemprop' && element.parentElement!.closest('[itemscope]') != scope) continue;
    node[element.getAttribute(attribute)!.split(':').pop()!] ??= element.hasAttribute('itemscope')
      ? readProperties(element, attribute)
      : (element.getAttribute('content') ??
        // a link's or an image's URL; an <a> without href (a name, say) is read as its text
        ((element as HTMLAnchorElement).href || (element as HTMLImageElement).src || element.textContent!.trim()));
  }
  return node;
};
