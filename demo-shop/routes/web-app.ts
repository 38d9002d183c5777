import { Hono } from 'hono';
import { appIconPng } from '../html/app-icon.ts';
import { SHOP_NAME, SHOP_TAGLINE } from '../shop-identity.ts';

/** The icon sizes the manifest lists (Android's home screen and splash) and iOS's Home Screen icon. */
const ICONS = { 'icon-192.png': 192, 'icon-512.png': 512, 'apple-touch-icon.png': 180 } as const;

/**
 * What makes the shop installable, which iOS and iPadOS need before they allow web push at all: a web app manifest
 * (`display: standalone`) and its icons. And the one-line service worker file Shoploop asks a shop to put at its
 * root, served verbatim, as a shop owner would paste it (`serviceWorker`; none: 404).
 */
export function webApp(serviceWorker: string | undefined) {
  const icons = new Map(Object.entries(ICONS).map(([name, size]) => [name, appIconPng(size)]));
  const manifest = JSON.stringify({
    name: SHOP_NAME,
    short_name: 'Loop & Co.',
    description: SHOP_TAGLINE,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#fbf8f3',
    theme_color: '#b8532f',
    icons: [192, 512].map((size) => ({ src: `/icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any maskable' })),
  });
  return new Hono()
    // GET /manifest.webmanifest
    .get('/manifest.webmanifest', (c) => c.body(manifest, 200, { 'content-type': 'application/manifest+json', 'cache-control': 'no-cache' }))
    // GET /icons/:file
    .get('/icons/:file', (c) => {
      const icon = icons.get(c.req.param('file'));
      if (!icon) return c.text('Not found', 404);
      return c.body(new Uint8Array(icon), 200, { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' });
    })
    // GET /shoploop-sw.js
    .get('/shoploop-sw.js', (c) => {
      if (!serviceWorker) return c.text('Not found', 404);
      // no-cache: the browser checks the file at each update check (service workers are never cached beyond 24 h)
      return c.body(serviceWorker, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    });
}
