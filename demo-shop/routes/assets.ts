import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Hono } from 'hono';

const ASSETS_DIR = new URL('../assets/', import.meta.url);
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

// The shop's browser code is plain ES modules served as written: no build step. The files are read once at
// start-up, so only what is in assets/ can ever be served.
function readAssets(): Map<string, { body: string; type: string }> {
  const assets = new Map<string, { body: string; type: string }>();
  for (const name of readdirSync(ASSETS_DIR)) {
    const type = CONTENT_TYPES[extname(name)];
    if (type) assets.set(name, { body: readFileSync(new URL(name, ASSETS_DIR), 'utf8'), type });
  }
  return assets;
}

export function shopAssets() {
  const assets = readAssets();
  return new Hono()
    // GET /assets/:file
    .get('/assets/:file', (c) => {
      const asset = assets.get(c.req.param('file'));
      if (!asset) return c.text('Not found', 404);
      return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
    });
}
