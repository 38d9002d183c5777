import { defineConfig, type EnvironmentOptions } from 'vite';

// Each browser artifact of the widget is one Vite environment, built in order into dist/widget/, which the
// server serves as /<file>.js. To add one, add an environment below with `emptyOutDir: false` (as the blocks'
// UI has) and list it in `widgetBuilds`.
const outDir = 'dist/widget';

/** The tracking script: one self-contained IIFE for a classic `<script async>` tag, size-checked by widget/size.test.ts. */
const tracker: EnvironmentOptions = {
  consumer: 'client',
  build: {
    outDir,
    emptyOutDir: true, // built first
    // ??= and ||= stay as written: 26 bytes gzipped less than es2020; browsers since 2020 (Safari 14, Chrome 85)
    target: 'es2021',
    // constants imported from another module (vocabulary.ts, timing.ts, storage keys) are written where they are
    // used instead of staying variables: about 35 bytes gzipped
    rolldownOptions: { optimization: { inlineConst: { mode: 'all', pass: 3 } } },
    lib: {
      entry: 'widget/src/tracker/entry.ts',
      formats: ['iife'],
      name: 'shoploop',
      fileName: () => 'shoploop.js',
    },
  },
};

/**
 * The recommendation blocks' UI: an ES module with Preact inside, which the tracker import()s from its own folder
 * on pages that have a `[data-shoploop]` block. Size-checked by widget/size.test.ts.
 */
const ui: EnvironmentOptions = {
  consumer: 'client',
  build: {
    outDir,
    emptyOutDir: false, // beside the tracker
    target: 'es2021',
    // lib mode leaves an ES module's whitespace for the consumer's bundler; this one goes to browsers as it is.
    // The push code and the reviews are the chunks the UI import()s, beside it (widget/src/ui/shoploop-ui.ts):
    // shoploop-push.js and shoploop-reviews.js, named after their entry files.
    // (`allow-extension`: Preact stays in this file, which the chunks import it from, instead of a third file)
    rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, chunkFileNames: 'shoploop-[name].js' } },
    lib: {
      entry: 'widget/src/ui/shoploop-ui.ts',
      formats: ['es'],
      fileName: () => 'shoploop-ui.js',
    },
  },
};

/**
 * The product detector: an ES module the tracker import()s from its own folder on every page view and asks for the
 * page's product (widget/src/tracker/product.ts), so its rules do not weigh on the tracking script. Size-checked by
 * widget/size.test.ts.
 */
const product: EnvironmentOptions = {
  consumer: 'client',
  build: {
    outDir,
    emptyOutDir: false, // beside the tracker
    target: 'es2021',
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: 'widget/src/product/shoploop-product.ts',
      formats: ['es'],
      fileName: () => 'shoploop-product.js',
    },
  },
};

/**
 * The push service worker's handlers: a classic script (an IIFE), because the shop's one-line /shoploop-sw.js
 * loads it with importScripts, which takes no modules. Size-checked by widget/size.test.ts.
 */
const sw: EnvironmentOptions = {
  consumer: 'client',
  build: {
    outDir,
    emptyOutDir: false, // beside the tracker
    target: 'es2021',
    lib: {
      entry: 'sw/src/sw.ts',
      formats: ['iife'],
      name: 'shoploopSw', // required for an IIFE; the entry exports nothing, so no global is declared
      fileName: () => 'sw.js',
    },
  },
};

const widgetBuilds: Record<string, EnvironmentOptions> = { tracker, ui, product, sw };

export default defineConfig({
  environments: widgetBuilds,
  builder: {
    // only our environments (Vite's default `client` one expects an index.html)
    async buildApp(builder) {
      for (const name of Object.keys(widgetBuilds)) await builder.build(builder.environments[name]!);
    },
  },
});
