import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ApiError } from '../http/errors.ts';

const files = /^[\w-]+(\.[\w-]+)*\.js(\.map)?$/;

/**
 * The built widget, served to any page (public, cacheable). `GET /shoploop.js` is the tracking script;
 * further chunks (the lazily loaded UI) sit beside it. Neutral names on purpose: nothing looks like analytics.
 */
export function widgetAssetRoutes(widgetDir: string) {
  const root = resolve(widgetDir);
  // GET /shoploop.js, GET /shoploop-ui.js, ...
  return new Hono().get('/:file', async (c, next) => {
    const file = c.req.param('file');
    if (!files.test(file)) return next();
    let body: Buffer;
    try {
      body = await readFile(join(root, file));
    } catch {
      if (file === 'shoploop.js') throw new ApiError(503, 'unavailable', 'the widget is not built yet: run npm run build');
      return next();
    }
    return c.body(new Uint8Array(body), 200, {
      'content-type': file.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
    });
  });
}
