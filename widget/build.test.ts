import { afterEach, expect, test, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { batchSchema } from '../server/src/collect/schema.ts';
import { freshIndexedDb, settle, stubCollector } from './src/tracker/testing.ts';
import { stubIntersectionObserver } from './src/ui/testing.ts';

const script = 'dist/widget/shoploop.js';
const ui = 'dist/widget/shoploop-ui.js';
const product = 'dist/widget/shoploop-product.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete window.shoploop; // the next test's tag is not a second copy
});

/** Imports the built product detector for the URL the tracker asks for it with; other URLs never load. */
const loadProduct = (url: string) =>
  url == 'https://shop.example/sl/shoploop-product.js'
    ? import(/* @vite-ignore */ `${process.cwd()}/${product}`)
    : new Promise(() => {});

/**
 * Runs the built script as its `<script async src data-site>` tag would. Node cannot import() from code made with
 * `new Function`, so the script's import()s go to `load` instead, with the URL the browser would fetch.
 */
const runBuilt = (site: string, load: (url: string) => Promise<unknown> = loadProduct) => {
  expect(existsSync(script), `${script} is missing: run npm run build`).toBe(true);
  const tag = document.createElement('script');
  tag.src = 'https://shop.example/sl/shoploop.js';
  tag.dataset.site = site;
  vi.spyOn(document, 'currentScript', 'get').mockReturnValue(tag);
  const code = readFileSync(script, 'utf8').replace(/\bimport\(/g, 'load(');
  new Function('load', code)(load);
};

test('the built script runs as a classic script tag and sends a valid batch', async () => {
  freshIndexedDb();
  const collector = stubCollector(200);
  document.head.innerHTML = `<title>Mug</title>
    <script type="application/ld+json">{"@type":"Product","sku":"MUG","name":"Mug","offers":{"price":"12","priceCurrency":"EUR"}}</script>`;
  window.shoploop = Object.assign(() => {}, { q: [['identify', 'C-1']] as ArrayLike<unknown>[] });

  const imports: Promise<unknown>[] = [];
  runBuilt('pk_built', (url) => imports[imports.push(loadProduct(url)) - 1]!);
  expect(window.shoploop!.v).toBe('0.1.0');
  // the product detector is imported, then asked: the view_item follows the page_view
  await Promise.all(imports);
  await settle();
  dispatchEvent(new Event('pagehide'));
  await settle();

  expect(collector.requests[0]!.url).toBe('https://shop.example/sl/v1/collect');
  const [batch] = collector.batches;
  expect(batchSchema.safeParse(batch).success).toBe(true);
  expect(batch!.events.map((event) => event.name)).toEqual(['identify', 'page_view', 'view_item']);
});

test('the built script loads the built UI beside it; the block renders and its impression is a valid event', async () => {
  expect(existsSync(ui), `${ui} is missing: run npm run build`).toBe(true);
  freshIndexedDb();
  const collector = stubCollector(200);
  const recommendations: URL[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (!url.includes('/v1/recommendations')) return collector.fetch(url, init!);
    recommendations.push(new URL(url));
    const items = ['CUP', 'PLATE'].map((id) => ({ item_id: id, name: id, price: 3, image: null, url: `https://shop.example/${id}` }));
    return new Response(JSON.stringify({ rec_id: 'r_built', scenario: 'also-bought', items }));
  });
  const view = stubIntersectionObserver();
  document.head.innerHTML = `<title>Mug</title><script type="application/ld+json">{"@type":"Product","sku":"MUG","name":"Mug"}</script>`;
  document.body.innerHTML = '<div data-shoploop="also-bought" data-limit="2"></div>';
  const block = document.querySelector<HTMLElement>('[data-shoploop]')!;
  const imported: string[] = [];

  runBuilt('pk_built_ui', (url) => {
    imported.push(url);
    return url.endsWith('ui.js') ? import(/* @vite-ignore */ `${process.cwd()}/${ui}`) : loadProduct(url);
  });
  // importing the built module takes a moment when the machine is busy with other test files
  await vi.waitFor(() => expect(block.shadowRoot?.querySelectorAll('a')).toHaveLength(2), { timeout: 10_000 });

  expect(imported).toEqual(['https://shop.example/sl/shoploop-product.js', 'https://shop.example/sl/shoploop-ui.js']);
  const vid = localStorage.getItem('shoploop:id')!.split(' ')[0];
  expect(Object.fromEntries(recommendations[0]!.searchParams)).toEqual({
    site: 'pk_built_ui',
    visitor: vid,
    scenario: 'also-bought',
    item: 'MUG', // the page's product
    limit: '2',
    min: '1',
  });
  await vi.waitFor(() => expect(view.watched()).toContain(block)); // the block's effect runs after a frame
  view.show(block, 1);
  dispatchEvent(new Event('pagehide'));
  // the page view may have gone in a batch of its own before the block rendered
  const batches = () => collector.batches.filter((sent) => sent.site == 'pk_built_ui');
  const events = () => batches().flatMap((sent) => sent.events);
  await vi.waitFor(() => expect(events().map((event) => event.name)).toContain('rec_impression'), { timeout: 5000 });
  for (const batch of batches()) expect(batchSchema.safeParse(batch).success).toBe(true);
  expect(events().map((event) => [event.name, event.params.rec_id])).toEqual([
    ['page_view', undefined],
    ['view_item', undefined],
    ['rec_impression', 'r_built'],
  ]);
});
