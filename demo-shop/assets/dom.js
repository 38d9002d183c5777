import { formatMoney, toPence } from './money.js';

/** Builds an element; text children become text nodes, so names from storage are never parsed as HTML. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function readItemData(element) {
  try {
    return JSON.parse(element.dataset.item ?? '');
  } catch {
    return undefined;
  }
}

export function renderTotals(list, totals) {
  const rows = [
    ['Subtotal', formatMoney(totals.subtotal, totals.currency)],
    ['Delivery', totals.delivery === 0 ? 'Free' : formatMoney(totals.delivery, totals.currency)],
    ['Total', formatMoney(totals.total, totals.currency)],
  ];
  list.replaceChildren(...rows.flatMap(([label, value]) => [el('dt', {}, label), el('dd', { 'data-total': label.toLowerCase() }, value)]));
}

/** "2 × Jumbo Bag Owls  £4.16": the compact lines of the checkout summary and the order confirmation. */
export function renderSummaryLines(list, lines) {
  list.replaceChildren(
    ...lines.map((line) =>
      el('li', { 'data-item-id': line.item_id },
        el('img', { src: `/images/${encodeURIComponent(line.item_id)}.svg`, alt: '', width: 48, height: 48 }),
        el('span', {}, `${line.quantity} × ${line.item_name}`),
        el('span', { class: 'amount' }, formatMoney(toPence(line.price) * line.quantity, line.currency)),
      ),
    ),
  );
}
