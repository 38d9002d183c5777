import { defineConfig, type EnvironmentOptions } from 'vite';

// Each browser artifact of the widget is one Vite environment, built in order into dist/widget/, which the
// server serves as /<file>.js. To add one (e.g. the lazily loaded UI, as an ES module the tracker import()s),
// add an environment below with `emptyOutDir: false` and list it in `widgetBuilds`.
const outDir = 'dist/widget';

/** The tracking script: one self-contained IIFE for a classic `<script async>` tag, size-checked by widget/size.test.ts. */
const tracker: EnvironmentOptions = {
  consumer: 'client',
  build: {
    outDir,
    emptyOutDir: true, // built first
    // ??= and ||= stay as written: 26 bytes gzipped less than es2020; browsers since 2020 (Safari 14, Chrome 85)
    target: 'es2021',
    lib: {
      entry: 'widget/src/tracker/entry.ts',
      formats: ['iife'],
      name: 'shoploop',
      fileName: () => 'shoploop.js',
    },
  },
};

const widgetBuilds: Record<string, EnvironmentOptions> = { tracker };

export default defineConfig({
  environments: widgetBuilds,
  builder: {
    // only our environments (Vite's default `client` one expects an index.html)
    async buildApp(builder) {
      for (const name of Object.keys(widgetBuilds)) await builder.build(builder.environments[name]!);
    },
  },
});
