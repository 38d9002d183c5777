import { afterEach, expect, test, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { batchSchema } from '../server/src/collect/schema.ts';
import { freshIndexedDb, settle, stubCollector } from './src/tracker/testing.ts';

const script = 'dist/widget/shoploop.js';

afterEach(() => vi.unstubAllGlobals());

test('the built script runs as a classic script tag and sends a valid batch', async () => {
  expect(existsSync(script), `${script} is missing: run npm run build`).toBe(true);
  freshIndexedDb();
  const collector = stubCollector(200);
  document.head.innerHTML = `<title>Mug</title>
    <script type="application/ld+json">{"@type":"Product","sku":"MUG","name":"Mug","offers":{"price":"12","priceCurrency":"EUR"}}</script>`;
  const tag = document.createElement('script');
  tag.src = 'https://shop.example/sl/shoploop.js';
  tag.dataset.site = 'pk_built';
  vi.spyOn(document, 'currentScript', 'get').mockReturnValue(tag);
  window.shoploop = Object.assign(() => {}, { q: [['identify', 'C-1']] as ArrayLike<unknown>[] });

  new Function(readFileSync(script, 'utf8'))();
  expect(window.shoploop!.v).toBe('0.1.0');
  dispatchEvent(new Event('pagehide'));
  await settle();

  expect(collector.requests[0]!.url).toBe('https://shop.example/sl/v1/collect');
  const [batch] = collector.batches;
  expect(batchSchema.safeParse(batch).success).toBe(true);
  expect(batch!.events.map((event) => event.name)).toEqual(['identify', 'page_view', 'view_item']);
});
