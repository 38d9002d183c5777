import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { issueSetPasswordToken } from '../server/src/admin/accounts/set-password-tokens.ts';
import { addUser } from '../server/src/admin/accounts/users.ts';
import { importCatalogFile } from '../server/src/catalog/import/import-file.ts';
import { SHOPPER_UA } from './support/browser.ts';
import { useStack } from './support/fixture.ts';
import { E2E_ADMIN_TOKEN } from './support/stack.ts';

const PASSWORD = 'e2e-demo-admin-password';
const XSS = '<img src=x onerror=alert(1)>';
const SHOTS = 'test-results/admin-screenshots';
const pages = ['funnel', 'over-time', 'cohorts', 'rfm', 'people', 'recommendations', 'campaigns', 'reviews', 'settings'] as const;

/**
 * The marketer's admin app in Chromium against `npm start`'s stack with its demo history: log in as the demo admin,
 * read the funnel, open a person, preview a threshold, export a CSV, publish a review; a hostile product name is
 * text; every page is photographed light and dark at desktop and phone width.
 */
describe('the admin app', () => {
  const shop = useStack(() => ({ SHOPLOOP_DEMO_ADMIN_PASSWORD: PASSWORD, DEMO_HISTORY: '1' }));

  async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await fetch(`${shop.stack.serverUrl}/admin/api${path}`, { ...init, headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'content-type': 'application/json', ...init.headers } });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** A logged-in admin tab; page errors and dialogs (an alert() that ran) are collected to fail the test. */
  async function admin(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const { context, page, errors } = await shop.visitor();
    await page.setViewportSize(viewport);
    const problems = errors;
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 40[134]/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${shop.stack.serverUrl}/admin`);
    await page.waitForSelector('[data-page=login]');
    await page.fill('input[name=email]', 'demo@shoploop.local');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-page=funnel]');
    return { context, page, problems };
  }

  /** Opens a page by its hash and waits until its data has arrived (no loading line left). */
  async function open(page: Page, hash: string, name: string) {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.waitForSelector(`[data-page="${name}"]`);
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.body.textContent?.includes('Loading…'), undefined, { timeout: 15_000 });
  }

  /** The text of each body row of a data table, cell by cell. */
  const tableRows = (page: Page, name: string) =>
    page.$$eval(`[data-table="${name}"] tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));

  test('log in, read the funnel on the demo data and export it as CSV that matches the API', async () => {
    const { context, page, problems } = await admin();
    const funnel = await api<{ stages: Record<string, number>; flows: Array<{ from: string | null; to: string; count: number }> }>(`/reports/funnel?site=${shop.stack.site.id}`);
    expect(Object.values(funnel.stages).reduce((a, b) => a + b, 0)).toBeGreaterThan(100); // the demo history's people

    await page.waitForSelector('[data-table=stages] tbody tr');
    const shown = await tableRows(page, 'stages');
    const number = (s: string) => Number(s.replace(/[^\d.-]/g, ''));
    expect(shown.map((r) => [r[0], number(r[1]!)])).toEqual([
      ['Potential', funnel.stages.potential],
      ['Here and now', funnel.stages.here_and_now],
      ['At risk', funnel.stages.at_risk],
      ['Dormant', funnel.stages.dormant],
      ['Loyal', funnel.stages.loyal],
    ]);
    expect(await page.locator('[data-chart] canvas').count()).toBeGreaterThan(0);

    // the CSV is the table's rows with raw numbers; the flows' CSV has every flow the API gives
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-csv=stages]')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Stage', 'People', 'Share']);
    expect(rows.slice(1).map((r) => Number(r[1]))).toEqual(['potential', 'here_and_now', 'at_risk', 'dormant', 'loyal'].map((s) => funnel.stages[s]));
    if (funnel.flows.length) {
      const [flowsDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-csv=flows]')]);
      const flows = (parse(readFileSync((await flowsDownload.path())!, 'utf8'), { bom: true }) as string[][]).slice(1);
      expect(flows.map((r) => Number(r[2])).reduce((a, b) => a + b, 0)).toBe(funnel.flows.reduce((a, f) => a + f.count, 0));
      expect(flows).toHaveLength(funnel.flows.length);
    }

    // a quick period: kept in the address and sent to the API as the day after the last one shown
    const asked = page.waitForRequest((r) => r.url().includes('/admin/api/reports/funnel?') && r.url().includes('from='));
    await page.click('.presets button:has-text("7 d")');
    const url = new URL((await asked).url());
    const hash = new URLSearchParams(await page.evaluate(() => location.hash.split('?')[1] ?? ''));
    expect(hash.get('site')).toBe(shop.stack.site.id);
    expect(url.searchParams.get('from')).toBe(hash.get('from'));
    expect(Date.parse(url.searchParams.get('to')!) - Date.parse(hash.get('to')!)).toBe(86_400_000);
    expect(Date.parse(hash.get('to')!) - Date.parse(hash.get('from')!)).toBe(6 * 86_400_000);
    await page.waitForSelector('[data-table=stages] tbody tr');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('open a person from an RFM cell: their timeline; erase asks first', async () => {
    const { context, page, problems } = await admin();
    await open(page, '#/rfm', 'rfm');
    const cell = page.locator('[data-rfm-cell]:not([disabled])').first();
    await cell.click();
    await page.waitForSelector('[data-table=rfm-people] tbody tr a');
    await page.locator('[data-table=rfm-people] tbody tr a').first().click();
    await page.waitForSelector('[data-page=people] [data-table=timeline] tbody tr');
    const timeline = await tableRows(page, 'timeline');
    expect(timeline.some((r) => r[1] === 'Event' && r[2] === 'purchase')).toBe(true);
    expect(timeline.some((r) => r[1] === 'Stage')).toBe(true);

    await page.click('[data-erase]');
    expect(await page.locator('[data-erase-dialog]').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.click('[data-erase-dialog] button.secondary'); // cancel: nothing erased
    expect(await page.locator('[data-erase-dialog]').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('change a lifecycle threshold and see the preview the API computes', async () => {
    const { context, page, problems } = await admin();
    await open(page, '#/settings', 'settings');
    await page.waitForSelector('[data-preview] tbody tr');
    const previewed = page.waitForResponse((r) => r.url().endsWith('/admin/api/stages/preview') && r.request().postData()?.includes('"oneTimeBuyerDormantDays":7') === true);
    await page.fill('input[name=oneTimeBuyerDormantDays]', '7');
    const answer = (await (await previewed).json()) as { current: Record<string, number>; preview: Record<string, number> };
    await expect.poll(() => page.textContent('[data-settings=lifecycle] h3')).toContain('1 change');
    const shown = await page.$$eval('[data-preview] tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const number = (s: string) => Number(s.replace(/[^\d.-]/g, ''));
    expect(shown.map((r) => number(r[2]!))).toEqual(['potential', 'here_and_now', 'at_risk', 'dormant', 'loyal'].map((s) => answer.preview[s]));
    // a week instead of 90 days sends some one-time buyers to dormant
    expect(answer.preview.dormant).toBeGreaterThan(answer.current.dormant!);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('publish a review from the moderation queue', async () => {
    const { reviews } = await api<{ reviews: Array<{ id: string }> }>(`/reviews?site=${shop.stack.site.id}&status=published&limit=1`);
    expect(reviews).toHaveLength(1);
    const id = reviews[0]!.id;
    await api(`/reviews/${id}/reject`, { method: 'POST', body: '{}' });
    const { context, page, problems } = await admin();
    await open(page, '#/reviews', 'reviews');
    await page.click('[data-status=rejected]');
    await page.click(`[data-review-id="${id}"] [data-action=publish]`);
    await expect
      .poll(async () => (await api<{ reviews: Array<{ id: string }> }>(`/reviews?site=${shop.stack.site.id}&status=published&limit=200`)).reviews.some((r) => r.id === id))
      .toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  test(`a product named ${XSS} is text on the person's timeline and the reviews page, and runs nothing; the person is erased`, async () => {
    const { stack } = shop;
    // the catalog learns the name from a feed; a visitor's browser reports it in a product view
    const feed = join(tmpdir(), `xss-feed-${process.pid}.json`);
    writeFileSync(feed, JSON.stringify([{ id: 'xss-1', name: XSS, price: 9.5, currency: 'GBP', url: `${stack.shopUrl}/product/xss-1` }]));
    await importCatalogFile(stack.db, stack.site.id, feed, { baseUrl: stack.shopUrl });
    const res = await fetch(`${stack.serverUrl}/v1/collect`, {
      method: 'POST',
      headers: { origin: new URL(stack.shopUrl).origin, 'user-agent': SHOPPER_UA, 'content-type': 'text/plain' },
      body: JSON.stringify({
        site: stack.site.publicKey,
        vid: 'xss-visitor-1',
        events: [{ id: 'xss-ev-1', name: 'view_item', ts: Date.now(), sid: 'xss-s1', url: `${stack.shopUrl}/product/xss-1?q=${encodeURIComponent(XSS)}`, params: { items: [{ item_id: 'xss-1', item_name: XSS, price: 9.5 }] } }],
      }),
    });
    expect(res.status).toBe(200);
    await stack.waitForEvents('xss-visitor-1', (ev) => ev.length > 0);

    const { context, page, problems } = await admin();
    await open(page, '#/people', 'people');
    await page.fill('#people-q', 'xss-visitor');
    await page.click('[role=search] button[type=submit]');
    await page.click('[data-table=people] tbody a');
    await page.waitForSelector('[data-table=timeline] tbody tr');
    const text = await page.textContent('[data-table=timeline]');
    expect(text).toContain(XSS);
    expect(await page.locator('[data-page] img').count()).toBe(0);

    // erased through the dialog (a DELETE with the session's CSRF token): the API no longer knows the visitor
    await page.click('[data-erase]');
    await page.click('[data-erase-confirm]');
    await page.waitForSelector('[data-erased]');
    const gone = await fetch(`${stack.serverUrl}/admin/api/people/${encodeURIComponent('v:xss-visitor-1')}?site=${stack.site.id}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
    expect(gone.status).toBe(404);
    await open(page, '#/reviews', 'reviews');
    expect(await page.locator('[data-page] img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('every page in light and dark, at desktop and phone width (screenshots)', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const person = (await api<{ people: Array<{ profileId: string }> }>(`/reports/rfm/people?site=${shop.stack.site.id}&r=0&f=1&limit=1`).catch(() => ({ people: [] }))).people[0];
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 812 }]) {
      const { context, page, problems } = await admin(viewport);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const all: Array<[string, string]> = [...pages.map((p): [string, string] => [p, `#/${p}`]), ...(person ? [['person', `#/people/${encodeURIComponent(person.profileId)}`] as [string, string]] : [])];
        for (const [name, hash] of all) {
          await open(page, hash, name === 'person' ? 'people' : name);
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
          await page.waitForTimeout(150); // the charts draw on the next frame
          await page.screenshot({ path: join(SHOTS, `${name}-${viewport.width}-${scheme}.png`), fullPage: true });
        }
      }
      // nothing wider than the phone: no sideways scrolling of the whole page
      if (viewport.width === 375) {
        for (const p of pages) {
          await open(page, `#/${p}`, p);
          expect([p, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([p, 375]);
        }
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 240_000);

  test('a new account: the one-time link sets the password, a wrong one is refused, the right one logs in', async () => {
    const user = await addUser(shop.stack.db, 'new-admin@shop.example', null, shop.stack.clock.now());
    const token = await issueSetPasswordToken(shop.stack.db, user.id, shop.stack.clock.now());
    const { context, page, errors } = await shop.visitor();
    await page.goto(`${shop.stack.serverUrl}/admin#/set-password/${token}`);
    await page.waitForSelector('[data-page=set-password] form');
    const [first, again] = [page.locator('input[type=password]').nth(0), page.locator('input[type=password]').nth(1)];
    await first.fill('a new password of mine');
    await again.fill('a new password of mine');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-page=set-password] [role=status]');
    await page.click('[data-page=set-password] button');
    await page.waitForSelector('[data-page=login]');
    await page.fill('input[name=email]', 'new-admin@shop.example');
    await page.fill('input[name=password]', 'not the password at all');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[data-page=login] [role=alert]')).toMatch(/do not match/);
    await page.fill('input[name=password]', 'a new password of mine');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-page=funnel]');
    expect(await page.textContent('.user')).toBe('new-admin@shop.example');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('log out ends the session: the app asks to log in again and the API refuses the cookie', async () => {
    const { context, page, problems } = await admin();
    await page.click('[data-logout]');
    await page.waitForSelector('[data-page=login]');
    const status = await page.evaluate(async () => (await fetch('/admin/api/sites')).status);
    expect(status).toBe(401);
    await page.evaluate(() => (location.hash = '#/cohorts'));
    await page.waitForSelector('[data-page=login]');
    expect(problems).toEqual([]);
    await context.close();
  });
});
