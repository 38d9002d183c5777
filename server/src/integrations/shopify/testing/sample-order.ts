/**
 * Shopify order webhook bodies for tests, in the shape of Shopify's own sample `orders/create` payload (the one
 * "Send test notification" delivers, REST Order resource): every field an order carries, not only those
 * Shoploop reads, and the 64-bit ids written as bare JSON numbers, as Shopify writes them.
 */
export interface SampleLine {
  productId: string;
  variantId: string | null;
  sku: string;
  title: string;
  variantTitle?: string;
  price: string;
  quantity: number;
}

export interface SampleOrder {
  id: string;
  name?: string;
  createdAt?: string;
  totalPrice: string;
  currency?: string;
  test?: boolean;
  lines: SampleLine[];
  /** the cart attributes Shopify copied into the order */
  noteAttributes?: Array<{ name: string; value: string }>;
  customerId?: string | null;
  cancelledAt?: string | null;
}

export const AVIATOR: SampleLine = { productId: '788032119674292922', variantId: '642667041472713922', sku: 'SKU2006-001', title: 'Aviator sunglasses', price: '89.99', quantity: 1 };
export const LOUNGER: SampleLine = { productId: '788032119674292923', variantId: '757650484644203962', sku: 'SKU2006-020', title: 'Mid-century lounger', price: '159.99', quantity: 1 };

/** Bare JSON numbers for the ids, as Shopify sends them: JSON.stringify can only write them as strings. */
const unquoteIds = (json: string) => json.replace(/"(id|product_id|variant_id|customer_id|order_id|checkout_id|line_item_id)":"(\d+)"/g, '"$1":$2');

const money = (amount: string, currency: string) => ({ shop_money: { amount, currency_code: currency }, presentment_money: { amount, currency_code: currency } });

export function sampleOrderBody(o: SampleOrder): string {
  const currency = o.currency ?? 'USD';
  const created = o.createdAt ?? '2026-11-23T12:40:00+00:00';
  const customer =
    o.customerId === null
      ? null
      : {
          id: o.customerId ?? '115310627314723954',
          email: 'john@example.com',
          accepts_marketing: false,
          created_at: null,
          updated_at: null,
          first_name: 'John',
          last_name: 'Smith',
          state: 'disabled',
          note: null,
          verified_email: true,
          multipass_identifier: null,
          tax_exempt: false,
          phone: null,
          tags: '',
          currency,
          admin_graphql_api_id: `gid://shopify/Customer/${o.customerId ?? '115310627314723954'}`,
        };
  const order = {
    id: o.id,
    admin_graphql_api_id: `gid://shopify/Order/${o.id}`,
    app_id: null,
    browser_ip: null,
    buyer_accepts_marketing: true,
    cancel_reason: o.cancelledAt ? 'customer' : null,
    cancelled_at: o.cancelledAt ?? null,
    cart_token: null,
    checkout_id: null,
    checkout_token: null,
    closed_at: null,
    confirmed: false,
    contact_email: 'jon@example.com',
    created_at: created,
    currency,
    current_total_price: o.totalPrice,
    customer_locale: 'en',
    email: 'jon@example.com',
    financial_status: 'paid',
    fulfillment_status: null,
    landing_site: null,
    name: o.name ?? '#9999',
    note: null,
    note_attributes: o.noteAttributes ?? [],
    number: 234,
    order_number: 1234,
    order_status_url: 'https://jsmith.myshopify.com/548380009/orders/123456abcd/authenticate?key=abcdefg',
    payment_gateway_names: ['visa', 'bogus'],
    presentment_currency: currency,
    processed_at: created,
    source_name: 'web',
    subtotal_price: o.totalPrice,
    tags: '',
    taxes_included: false,
    test: o.test ?? false,
    token: '123456abcd',
    total_discounts: '0.00',
    total_line_items_price: o.totalPrice,
    total_price: o.totalPrice,
    total_price_set: money(o.totalPrice, currency),
    total_tax: '0.00',
    total_weight: 0,
    updated_at: created,
    user_id: null,
    billing_address: { first_name: 'Bob', address1: '123 Billing Street', city: 'Billtown', zip: 'K2P0B0', country: 'United States', last_name: 'Biller', name: 'Bob Biller', country_code: 'US' },
    customer,
    discount_applications: [],
    fulfillments: [],
    line_items: o.lines.map((l, i) => ({
      id: `48781767227629${8554 + i}`,
      admin_graphql_api_id: `gid://shopify/LineItem/48781767227629${8554 + i}`,
      fulfillable_quantity: l.quantity,
      fulfillment_service: 'manual',
      fulfillment_status: null,
      gift_card: false,
      grams: 100,
      name: l.variantTitle ? `${l.title} - ${l.variantTitle}` : l.title,
      price: l.price,
      price_set: money(l.price, currency),
      product_exists: true,
      product_id: l.productId,
      properties: [],
      quantity: l.quantity,
      requires_shipping: true,
      sku: l.sku,
      taxable: true,
      title: l.title,
      total_discount: '0.00',
      total_discount_set: money('0.00', currency),
      variant_id: l.variantId,
      variant_inventory_management: null,
      variant_title: l.variantTitle ?? null,
      vendor: null,
      tax_lines: [],
      duties: [],
      discount_allocations: [],
    })),
    refunds: [],
    shipping_lines: [{ id: '271878346596884015', code: null, discounted_price: '10.00', price: '10.00', source: 'shopify', title: 'Generic Shipping', tax_lines: [] }],
  };
  return unquoteIds(JSON.stringify(order));
}

/** A `refunds/create` body: lines given back and the refund transactions, as Shopify's sample Refund has them. */
export function sampleRefundBody(r: { id: string; orderId: string; lines: Array<{ line: SampleLine; quantity: number }>; amount: string; currency?: string; status?: string }): string {
  const currency = r.currency ?? 'USD';
  return unquoteIds(
    JSON.stringify({
      id: r.id,
      order_id: r.orderId,
      created_at: '2026-11-25T09:00:00+00:00',
      note: 'wrong size',
      user_id: null,
      processed_at: '2026-11-25T09:00:00+00:00',
      restock: true,
      duties: [],
      total_duties_set: money('0.00', currency),
      admin_graphql_api_id: `gid://shopify/Refund/${r.id}`,
      refund_line_items: r.lines.map(({ line, quantity }, i) => ({
        id: `10473365${i}`,
        line_item_id: `48781767227629${8554 + i}`,
        location_id: null,
        quantity,
        restock_type: 'return',
        subtotal: line.price,
        subtotal_set: money(line.price, currency),
        total_tax: '0.00',
        line_item: { id: `48781767227629${8554 + i}`, product_id: line.productId, variant_id: line.variantId, sku: line.sku, title: line.title, name: line.title, price: line.price, quantity: line.quantity },
      })),
      transactions: [
        {
          id: '179259969',
          order_id: r.orderId,
          kind: 'refund',
          gateway: 'bogus',
          status: r.status ?? 'success',
          message: null,
          created_at: '2026-11-25T09:00:00+00:00',
          test: false,
          authorization: 'authorization-key',
          currency,
          amount: r.amount,
          parent_id: '801038806',
        },
      ],
      order_adjustments: [],
    }),
  );
}
