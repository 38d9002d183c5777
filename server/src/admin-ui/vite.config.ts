import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The admin page: its own build (the root vite.config.ts builds the widget), served by routes/admin-page.ts.
// Build: vite build --config server/src/admin-ui/vite.config.ts
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // the server serves the page at /admin and its files at /admin/assets/
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/admin', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // no inline data: URLs, so the page can run under a strict Content-Security-Policy
    assetsInlineLimit: 0,
  },
});
