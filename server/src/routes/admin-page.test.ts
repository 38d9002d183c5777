import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, describe, expect, test } from 'vitest';
import { errorHandler, notFoundHandler } from '../http/error-handler.ts';
import { adminPageRoutes } from './admin-page.ts';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A built page in a temp folder, served as app.ts would mount it. */
function appOver(built: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-admin-'));
  dirs.push(dir);
  if (built) {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/admin/assets/index-abc123.js"></script>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{}');
  }
  const app = new Hono().route('/', adminPageRoutes(dir));
  app.onError(errorHandler);
  app.notFound(notFoundHandler);
  return app;
}

describe('admin page', () => {
  test('GET /admin serves the built page with no token, under a strict CSP', async () => {
    const app = appOver(true);
    for (const path of ['/admin', '/admin/']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self';/);
      expect(await res.text()).toContain('/admin/assets/index-abc123.js');
    }
  });

  test('assets are served with their content types and cached for good', async () => {
    const app = appOver(true);
    const js = await app.request('/admin/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    expect(await js.text()).toBe('console.log(1)');
    const css = await app.request('/admin/assets/index-abc123.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  test('a missing asset or a path out of the folder is a 404', async () => {
    const app = appOver(true);
    for (const path of ['/admin/assets/nope.js', '/admin/assets/..%2Findex.html', '/admin/assets/.env', '/admin/assets/index-abc123.html']) {
      expect((await app.request(path)).status).toBe(404);
    }
  });

  test('not built: a 503 that says how to build it', async () => {
    const res = await appOver(false).request('/admin');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/vite build --config server\/src\/admin-ui\/vite.config.ts/);
  });
});
