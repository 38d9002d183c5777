import { addToCart, clampQuantity } from './cart-store.js';
import { gaItem, pushEcommerce } from './data-layer.js';
import { el, readItemData } from './dom.js';
import { formatMoney, toPence } from './money.js';

// A product page pushes view_item, and add_to_cart when the button is pressed. The page also carries
// schema.org JSON-LD, as real shops do; both describe the same product.
export function initProductPage() {
  const product = document.querySelector('[data-product]');
  const item = product ? readItemData(product) : undefined;
  if (!product || !item) return;
  pushEcommerce('view_item', { currency: item.currency, value: item.price, items: [gaItem(item)] });

  const form = product.querySelector('[data-add-to-cart-form]');
  const message = product.querySelector('[data-added-message]');
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const quantity = clampQuantity(form.elements.namedItem('quantity')?.value);
    const added = addToCart(item, quantity);
    if (added > 0) {
      pushEcommerce('add_to_cart', {
        currency: item.currency,
        value: toPence(item.price) * added / 100,
        items: [gaItem({ ...item, quantity: added })],
      });
    }
    message?.replaceChildren(
      added > 0 ? `Added ${added} × ${item.item_name} (${formatMoney(toPence(item.price) * added, item.currency)}) to your basket. ` : 'You have the most we can send of this one. ',
      el('a', { href: '/cart' }, 'View basket'),
    );
  });
}
