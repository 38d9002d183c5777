import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { adminSecurityHeaders } from '../admin/accounts/secure-headers.ts';
import { ApiError, notFound } from '../http/errors.ts';

/** Hashed asset names as vite writes them: no paths, no dot-files. */
const assetName = /^[\w-]+(\.[\w-]+)*\.(js|css|map|svg|png|woff2)$/;

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

// The page only loads its own files and calls its own API (the strict CSP of admin/accounts/secure-headers.ts).
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  ...adminSecurityHeaders,
};

/**
 * The admin page (server/src/admin-ui, built by vite into `distDir`). The page itself is public; everything
 * it shows comes from /admin/api, which needs a session (log in at /admin/auth) or the admin token.
 */
export function adminPageRoutes(distDir = 'dist/admin') {
  const root = resolve(distDir);
  const page = async () => {
    try {
      return await readFile(join(root, 'index.html'), 'utf8');
    } catch {
      throw new ApiError(503, 'unavailable', 'the admin page is not built yet: run vite build --config server/src/admin-ui/vite.config.ts');
    }
  };
  return (
    new Hono()
      // GET /admin — the page (read on each request, so a rebuild needs no restart)
      .get('/admin', async (c) => c.body(await page(), 200, pageHeaders))
      .get('/admin/', async (c) => c.body(await page(), 200, pageHeaders))
      // GET /admin/assets/:file — its scripts and styles, immutable (the name carries the content hash)
      .get('/admin/assets/:file', async (c) => {
        const file = c.req.param('file');
        if (!assetName.test(file)) throw notFound(`no admin asset "${file}"`);
        let body: Buffer;
        try {
          body = await readFile(join(root, 'assets', file));
        } catch {
          throw notFound(`no admin asset "${file}"`);
        }
        return c.body(new Uint8Array(body), 200, {
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'public, max-age=31536000, immutable',
          'x-content-type-options': 'nosniff',
        });
      })
  );
}
