import { html } from 'hono/html';
import type { CatalogItem } from '../catalog.ts';
import type { Html } from './layout.ts';
import { formatPrice } from './money.ts';

/** The GA4 item fields the browser script copies into dataLayer pushes and the basket. */
export function gaItemJson(item: CatalogItem): string {
  const { item_id, item_name, price, currency, item_category, item_brand } = item;
  return JSON.stringify({ item_id, item_name, price, currency, item_category, item_brand });
}

export function productCard(item: CatalogItem): Html {
  const soldOut = item.availability === 'out_of_stock';
  return html`<li class="card" data-testid="product-card" data-item-id="${item.item_id}" data-item="${gaItemJson(item)}">
  <a class="card-link" href="${item.url}">
    <img src="${item.image}" alt="${item.item_name}" width="320" height="320" loading="lazy">
    <span class="card-name">${item.item_name}</span>
  </a>
  <p class="card-price">${formatPrice(item.price, item.currency)}${soldOut ? html` <span class="sold-out">Out of stock</span>` : ''}</p>
  <div class="card-rating" data-shoploop="rating" data-item="${item.item_id}"></div>
</li>`;
}

export interface ItemList {
  /** GA4 item_list_id / item_list_name, read by the browser script for view_item_list and select_item. */
  id: string;
  name: string;
  items: CatalogItem[];
  /** Set on category grids, which the browser script pages and sorts. */
  categorySlug?: string;
}

export function productGrid({ id, name, items, categorySlug }: ItemList): Html {
  return html`<ul class="grid" data-item-list data-item-list-id="${id}" data-item-list-name="${name}"${
    categorySlug ? html` data-category="${categorySlug}"` : ''
  }>
${items.map(productCard)}
</ul>`;
}
