// Helpers for the reviews' tests (not bundled: nothing in the UI imports this file): a fake of the server's review
// routes that holds the HTTP contract of reviews-design.md to the letter — query strings and bodies are checked
// with strict zod schemas, so a field the widget misnames or adds is a 400 — and keeps state like the server
// (reviews, votes, used tokens, dismissals), so a test can fail on a wrong request as well as on a wrong render.
import { vi } from 'vitest';
import { z } from 'zod';

export interface FakeReview {
  id: string;
  item: string;
  rating: number;
  title?: string | null;
  body?: string | null;
  author?: string | null;
  createdAt: string;
  helpful?: number;
  reply?: { body: string; createdAt: string } | null;
  status?: 'published' | 'pending';
}

export interface FakeRequest {
  token: string;
  orderId: string;
  expiresAt?: string;
  items: { itemId: string; name: string | null; image: string | null }[];
}

const site = z.literal('pk_ui');
const schemas = {
  itemReviews: z.strictObject({ site, page: z.string().regex(/^[1-9]\d*$/), sort: z.enum(['newest', 'helpful']) }),
  requests: z.strictObject({ site, visitor: z.string().min(1) }),
  review: z.strictObject({
    site,
    token: z.string().min(1),
    item_id: z.string().min(1),
    rating: z.number().int().min(1).max(5),
    title: z.string().min(1).max(120).optional(),
    body: z.string().min(1).max(5000).optional(),
    author: z.string().min(1).max(60).optional(),
  }),
  dismissal: z.strictObject({ site, token: z.string().min(1), scope: z.enum(['request', 'always']) }),
  helpful: z.strictObject({ site, vid: z.string().min(1) }),
};

export interface FakeApiOptions {
  reviews?: FakeReview[];
  requests?: FakeRequest[];
  /** tokens the server refuses as bad or expired (403) */
  expired?: string[];
  /** a status for every POST /v1/reviews, whatever it holds (429, 500…) */
  reviewStatus?: number;
  /** what a taken review becomes */
  autoPublish?: boolean;
  /** routes (by a regex on "METHOD /path") that fail like the network, or answer this status */
  fail?: [RegExp, number | 'network'][];
}

const error = (status: number, message: string) => Response.json({ error: { code: status == 400 ? 'bad_request' : 'refused', message } }, { status });

/** Stubs fetch with the fake server; `requests` records each call with its parsed body. */
export const fakeReviewsApi = (options: FakeApiOptions = {}) => {
  const reviews = (options.reviews ?? []).map((review) => ({ status: 'published' as const, helpful: 0, ...review }));
  const requests = options.requests ?? [];
  const used = new Set<string>(); // token + item
  const votes = new Set<string>(); // review + vid
  const dismissals: { token: string; scope: string }[] = [];
  const calls: { method: string; url: URL; body?: Record<string, unknown> }[] = [];

  const answer = (method: string, url: URL, body: unknown): Response => {
    const route = `${method} ${url.pathname}`;
    for (const [pattern, status] of options.fail ?? []) {
      if (!pattern.test(route)) continue;
      if (status == 'network') throw new TypeError('Failed to fetch');
      return error(status, 'failed');
    }
    const query = Object.fromEntries(url.searchParams);
    let match: RegExpMatchArray | null;
    if (method == 'GET' && (match = url.pathname.match(/^\/v1\/items\/([^/]+)\/reviews$/))) {
      const parsed = schemas.itemReviews.safeParse(query);
      if (!parsed.success) return error(400, parsed.error.message);
      const item = decodeURIComponent(match[1]!);
      const published = reviews.filter((review) => review.item == item && review.status == 'published');
      const sorted = published.sort((a, b) =>
        parsed.data.sort == 'helpful' ? b.helpful - a.helpful || (a.createdAt < b.createdAt ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
      );
      const page = Number(parsed.data.page);
      const distribution = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [String(n), published.filter((r) => r.rating == n).length]));
      const average = published.length ? Math.round((published.reduce((sum, r) => sum + r.rating, 0) / published.length) * 10) / 10 : null;
      return Response.json({
        itemId: item,
        rating: { average, count: published.length, distribution },
        reviews: sorted.slice((page - 1) * 10, page * 10).map(({ id, rating, title, body, author, createdAt, helpful, reply }) => ({
          id,
          rating,
          title: title ?? null,
          body: body ?? null,
          author: author ?? null,
          createdAt,
          helpful,
          reply: reply ?? null,
        })),
        page,
        pages: Math.max(1, Math.ceil(published.length / 10)),
      });
    }
    if (method == 'POST' && (match = url.pathname.match(/^\/v1\/reviews\/([^/]+)\/helpful$/))) {
      const parsed = schemas.helpful.safeParse(body);
      if (!parsed.success) return error(400, parsed.error.message);
      const review = reviews.find((r) => r.id == decodeURIComponent(match![1]!) && r.status == 'published');
      if (!review) return error(404, 'no such review');
      if (!votes.has(review.id + ' ' + parsed.data.vid)) {
        votes.add(review.id + ' ' + parsed.data.vid);
        review.helpful++;
      }
      return Response.json({ helpful: review.helpful });
    }
    if (method == 'GET' && url.pathname == '/v1/reviews/requests') {
      const parsed = schemas.requests.safeParse(query);
      if (!parsed.success) return error(400, parsed.error.message);
      const pending = requests
        .filter(({ token }) => !dismissals.some((d) => d.token == token) && !dismissals.some((d) => d.scope == 'always'))
        .map((request) => ({
          expiresAt: '2030-01-01T00:00:00.000Z',
          ...request,
          items: request.items.filter((item) => !used.has(request.token + ' ' + item.itemId)),
        }))
        .filter((request) => request.items.length);
      return Response.json({ requests: pending });
    }
    if (method == 'POST' && url.pathname == '/v1/reviews') {
      if (options.reviewStatus) return error(options.reviewStatus, 'refused');
      const parsed = schemas.review.safeParse(body);
      if (!parsed.success) return error(400, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      const { token, item_id, rating, title, body: text, author } = parsed.data;
      const request = requests.find((r) => r.token == token);
      if (!request || options.expired?.includes(token) || !request.items.some((item) => item.itemId == item_id)) return error(403, 'bad token');
      if (used.has(token + ' ' + item_id)) return error(409, 'already reviewed');
      used.add(token + ' ' + item_id);
      const review = {
        id: `rv_${reviews.length + 1}`,
        item: item_id,
        rating,
        title,
        body: text,
        author,
        createdAt: new Date().toISOString(),
        helpful: 0,
        reply: null,
        status: options.autoPublish ? ('published' as const) : ('pending' as const),
      };
      reviews.push(review);
      return Response.json({ review: { id: review.id, status: review.status } }, { status: 201 });
    }
    if (method == 'POST' && url.pathname == '/v1/reviews/dismissals') {
      const parsed = schemas.dismissal.safeParse(body);
      if (!parsed.success) return error(400, parsed.error.message);
      if (!requests.some((r) => r.token == parsed.data.token)) return error(403, 'bad token');
      dismissals.push(parsed.data);
      return Response.json({ dismissed: true });
    }
    return error(404, 'no such route');
  };

  const fetch = vi.fn(async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const url = new URL(input);
    let body: Record<string, unknown> | undefined;
    if (init.body != undefined) {
      // the widget sends JSON as text/plain (no CORS preflight): a string body, no content-type of its own
      if (typeof init.body != 'string') throw new Error('the body must be a JSON string');
      body = JSON.parse(init.body);
    }
    calls.push({ method, url, body });
    return answer(method, url, body);
  });
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    calls,
    /** "METHOD /path?query" of every call */
    routes: () => calls.map(({ method, url }) => `${method} ${url.pathname}${url.search}`),
    reviews,
    dismissals,
    /** change what the server does from now on (a rate limit lifted) */
    options,
  };
};

/** `count` published reviews of `item`, newest first by id (rv-1 is the newest), with ratings cycling 5, 4, 3, 2, 1. */
export const manyReviews = (item: string, count: number): FakeReview[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${item}-rv-${i + 1}`,
    item,
    rating: 5 - (i % 5),
    title: `Review ${i + 1}`,
    body: `Text ${i + 1}`,
    author: `Buyer ${i + 1}`,
    createdAt: new Date(Date.UTC(2025, 0, 31 - i)).toISOString(),
  }));

/** The shadow root of the page's n-th `[data-shoploop]` element with this kind. */
export const shadowOfKind = (kind: 'reviews' | 'rating', index = 0) =>
  document.querySelectorAll(`[data-shoploop="${kind}"]`)[index]!.shadowRoot!;

/** The review card's shadow root, or undefined while there is none. */
export const card = () => document.querySelector('[data-shoploop-review-card]')?.shadowRoot ?? undefined;

/** A button of a shadow root by its text or aria-label. */
export const buttonIn = (root: ShadowRoot | undefined, label: string) =>
  [...(root?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.trim() == label || button.getAttribute('aria-label') == label);
