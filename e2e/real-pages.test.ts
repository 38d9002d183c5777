import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Site } from '../server/src/db/schema/sites.ts';
import { createSite } from '../server/src/sites/sites.ts';
import { corpus, pageHtml, report, score, type CorpusPage } from '../widget/test/pages/corpus.ts';
import { launchChromium, SHOPPER_UA } from './support/browser.ts';
import { visitorIdOf } from './support/fixture.ts';
import { siteEvents } from './support/site-events.ts';
import { startStack, type Stack } from './support/stack.ts';

/**
 * The saved shop pages of widget/test/pages/ in Chromium, each served as it is from an origin of its own with
 * nothing added but the tag (before </head>, or at the end of a page cut before it), every script of the page
 * running; what counts is the view_item the server stored. Requests to any other host are refused at once (the
 * pages' own CDNs and trackers): there is no network here.
 */
describe('saved shop pages in Chromium with the tag pasted', () => {
  let stack: Stack;
  let server: Server;
  let origin: string;
  let site: Site;
  let browser: Browser;
  let events: ReturnType<typeof siteEvents>;
  const views = new Map<CorpusPage, Record<string, unknown> | undefined>();

  beforeAll(async () => {
    stack = await startStack();
    server = createServer((req, res) => {
      const page = corpus.pages.find((p) => `/${p.file}` == new URL(req.url ?? '/', 'http://x').pathname);
      if (!page) return void res.writeHead(404).end();
      const tag = `<script async src="${stack.serverUrl}/shoploop.js" data-site="${site.publicKey}"></script>`;
      const html = pageHtml(page);
      const body = html.includes('</head>') ? html.replace('</head>', `${tag}\n</head>`) : html + tag;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    site = await createSite(stack.db, { name: 'Saved pages', origins: [origin] }, Date.now());
    events = siteEvents(stack.serverUrl, site.id);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await stack?.stop();
  });

  test.each(corpus.pages.map((page) => [page.file, page] as const))('%s', async (_file, page) => {
    const context = await browser.newContext({ userAgent: SHOPPER_UA });
    const own = [new URL(origin).host, new URL(stack.serverUrl).host];
    await context.route('**/*', (route) => (own.includes(new URL(route.request().url()).host) ? route.continue() : route.abort()));
    const tab = await context.newPage();
    await tab.goto(`${origin}/${page.file}`);
    await tab.waitForFunction(() => localStorage.getItem('shoploop:id'));
    const vid = await visitorIdOf(tab);
    if (page.kind == 'product') {
      const stored = await events.waitFor(vid, (ev) => ev.some((e) => e.name == 'view_item'));
      views.set(page, stored.find((e) => e.name == 'view_item')!.params.items![0]);
    } else {
      // the detector has answered once the page view is stored and a moment has passed: nothing else may follow
      await events.waitFor(vid, (ev) => ev.some((e) => e.name == 'page_view'));
      await tab.waitForTimeout(1500);
      await tab.evaluate(() => dispatchEvent(new Event('pagehide')));
      await tab.waitForTimeout(500);
      const stored = await events.stored(vid);
      views.set(page, stored.find((e) => e.name == 'view_item')?.params.items?.[0]);
      expect(stored.map((e) => e.name)).toEqual(['page_view']);
    }
    await context.close();
  });

  test(`every field is right on at least ${corpus.goal * 100} % of the product pages; no listing page is a product view`, () => {
    const result = score(views);
    console.log(report(`real pages in Chromium (${corpus.pages.length} pages)`, result, views));
    for (const [field, { share }] of Object.entries(result.held)) expect(share, field).toBeGreaterThanOrEqual(corpus.goal);
    expect(result.unpinned.map((page) => page.file), 'pages whose wrong fields are not their recorded limitation').toEqual([]);
    expect(result.listingViews.map((page) => page.file)).toEqual([]);
  });
});
