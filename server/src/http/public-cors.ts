import type { MiddlewareHandler } from 'hono';

/**
 * CORS for the browser-facing API: any page may call it (the routes check the site's own origins), without
 * credentials. The headers are set before the handler builds its response: hono/cors sets them afterwards,
 * which turns node-server's lightweight response into a full one and cost the collector ~7 % of its time.
 */
export function publicCors(maxAgeSeconds = 86_400): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin ?? '*',
          'access-control-allow-methods': 'GET, POST, DELETE',
          'access-control-allow-headers': c.req.header('access-control-request-headers') ?? 'content-type',
          'access-control-max-age': String(maxAgeSeconds),
          vary: 'Origin',
        },
      });
    }
    c.header('access-control-allow-origin', origin ?? '*');
    c.header('vary', 'Origin');
    await next();
  };
}
