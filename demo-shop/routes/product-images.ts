import { Hono } from 'hono';
import { productImageSvg } from '../html/product-image.ts';
import type { ShopContext } from '../shop-context.ts';

export function productImages(shop: ShopContext) {
  return new Hono()
    // GET /images/:id.svg
    .get('/images/:file', async (c) => {
      const match = /^(.+)\.svg$/.exec(c.req.param('file'));
      const item = match?.[1] ? shop.catalog.item(match[1]) : undefined;
      if (!item) return c.text('Not found', 404);
      const svg = await productImageSvg(item);
      return c.body(svg.toString(), 200, {
        'content-type': 'image/svg+xml; charset=utf-8',
        'cache-control': 'public, max-age=86400',
      });
    });
}
