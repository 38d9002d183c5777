// GA4 e-commerce events pushed to the dataLayer the way Google Tag Manager shops do it. Shoploop (or GTM)
// reads them from there; the shop never calls either directly.

/** Clears the previous ecommerce object first, as Google's GA4 guide asks, so fields cannot leak between events. */
export function pushEcommerce(event, ecommerce) {
  const dataLayer = (window.dataLayer = window.dataLayer || []);
  dataLayer.push({ ecommerce: null });
  dataLayer.push({ event, ecommerce });
}

export function pushSearch(searchTerm) {
  const dataLayer = (window.dataLayer = window.dataLayer || []);
  dataLayer.push({ ecommerce: null });
  dataLayer.push({ event: 'search', search_term: searchTerm });
}

/** GA4 item fields from a product or basket line, plus any list fields (index, item_list_id…). */
export function gaItem(item, extra = {}) {
  return {
    item_id: item.item_id,
    item_name: item.item_name,
    price: item.price,
    currency: item.currency,
    quantity: item.quantity ?? 1,
    item_category: item.item_category,
    item_brand: item.item_brand,
    ...extra,
  };
}
