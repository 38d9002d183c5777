// GET /v1/reviews/requests?site&visitor (reviews-design.md, "HTTP contract"): the visitor's pending review requests,
// each an order with its signed token and the items not yet reviewed with it. ./ask.ts fetches it (in the UI
// bundle); the card reads it here.

export interface RequestedItem {
  itemId: string;
  name: string | null;
  image: string | null;
}

export interface ReviewRequest {
  token: string;
  orderId: string;
  items: RequestedItem[];
}

/** One item to review, with the token of the order it was bought in: the card asks about them one at a time. */
export interface ReviewStep {
  token: string;
  item: RequestedItem;
}

const text = (value: unknown) => (typeof value == 'string' && value ? value : null);

/** Reads the answer without trusting it: requests without a token, items without an id, are left out. */
export const parseReviewRequests = (input: unknown): ReviewRequest[] => {
  const { requests } = Object(input);
  if (!Array.isArray(requests)) return [];
  return requests
    .map((request) => Object(request))
    .filter((request) => text(request.token) && Array.isArray(request.items))
    .map(({ token, orderId, items }) => ({
      token,
      orderId: text(orderId) ?? '',
      items: (items as unknown[])
        .map((item) => Object(item))
        .filter((item) => text(item.itemId))
        .map(({ itemId, name, image }) => ({ itemId, name: text(name), image: text(image) })),
    }))
    .filter((request) => request.items.length);
};

/** Every requested item, in the order the server listed them (the same item twice, from two orders, once). */
export const reviewSteps = (requests: ReviewRequest[]): ReviewStep[] => {
  const seen = new Set<string>();
  return requests.flatMap(({ token, items }) =>
    items.filter(({ itemId }) => !seen.has(itemId) && seen.add(itemId)).map((item) => ({ token, item })),
  );
};
