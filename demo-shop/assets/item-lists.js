import { gaItem, pushEcommerce } from './data-layer.js';
import { readItemData } from './dom.js';

// Product grids ([data-item-list]) report what was shown (view_item_list) and which card was clicked
// (select_item), with the list's id and name and each card's position.

function listInfo(list) {
  return { item_list_id: list.dataset.itemListId, item_list_name: list.dataset.itemListName };
}

function cardItem(card, list) {
  const item = readItemData(card);
  if (!item) return undefined;
  const index = Array.prototype.indexOf.call(list.children, card);
  return gaItem(item, { index, ...listInfo(list) });
}

/** Pushes view_item_list for the given cards of a list (all of them by default). */
export function pushListView(list, cards = list.querySelectorAll('[data-testid="product-card"]')) {
  const items = Array.from(cards, (card) => cardItem(card, list)).filter(Boolean);
  if (items.length > 0) pushEcommerce('view_item_list', { ...listInfo(list), items });
}

export function initItemLists() {
  for (const list of document.querySelectorAll('[data-item-list]')) pushListView(list);

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('[data-testid="product-card"] a') : null;
    const card = link?.closest('[data-testid="product-card"]');
    const list = card?.closest('[data-item-list]');
    const item = card && list ? cardItem(card, list) : undefined;
    if (item) pushEcommerce('select_item', { ...listInfo(list), items: [item] });
  });
}
