import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A product's rating.jsonld answer as Shoploop sends it (reviews-design.md), with a hostile review among them. */
export function ratingAnswer(itemId: string, overrides: Record<string, unknown> = {}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: `Product ${itemId}`,
    sku: itemId,
    url: `http://shop.test:8080/product/${itemId}`,
    aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.5, bestRating: 5, worstRating: 1, ratingCount: 2, reviewCount: 2 },
    review: [
      {
        '@type': 'Review',
        datePublished: '2026-11-20',
        reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
        author: { '@type': 'Person', name: '<img src=x onerror=alert(1)>' },
        name: 'Lovely </script><script>alert(2)</script>',
        reviewBody: '<script>alert(1)</script> <!-- and a comment',
      },
      {
        '@type': 'Review',
        datePublished: '2026-11-18',
        reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
        author: { '@type': 'Person', name: 'Verified buyer' },
      },
    ],
    ...overrides,
  };
}

export interface StandIn {
  url: string;
  /** the paths asked, in order */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A stand-in for Shoploop's public rating URL on a real port: `answer` decides each response (status and body,
 * or 'hang' to never answer), so a test can see what the shop's server asks and how it copes.
 */
export async function ratingStandIn(answer: (path: string) => { status: number; body: unknown } | 'hang'): Promise<StandIn> {
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    const reply = answer(req.url ?? '');
    if (reply === 'hang') {
      hanging.add(res);
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/ld+json; charset=utf-8' });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
