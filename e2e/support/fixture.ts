import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, SHOPPER_UA } from './browser.ts';
import { startStack, type Stack } from './stack.ts';

/**
 * One stack (server + demo shop + fresh database) and one Chromium per test file; each test gets its own
 * browser context, so its own visitor, storage and IndexedDB. `env` adds to the server's environment (read when the
 * stack starts, after the file's earlier beforeAll hooks).
 */
export function useStack(env?: () => NodeJS.ProcessEnv, options?: () => Parameters<typeof startStack>[1]) {
  const ctx = {} as { stack: Stack; browser: Browser };
  beforeAll(async () => {
    ctx.stack = await startStack(env?.(), options?.());
    ctx.browser = await launchChromium();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.stack?.stop();
  });
  return {
    get stack() {
      return ctx.stack;
    },
    /** A fresh visitor: new context, page on the demo shop; page errors fail the test. */
    async visitor(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
      const context = await ctx.browser.newContext({ userAgent: SHOPPER_UA });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return { context, page, errors };
    },
  };
}

/** The visitor id the tracker gave this browser context (the first word of its first-party storage entry). */
export async function visitorIdOf(page: Page): Promise<string> {
  const vid = await page.evaluate(() => localStorage.getItem('shoploop:id')?.split(' ')[0] ?? null);
  if (!vid) throw new Error('the tracker has stored no visitor id');
  return vid;
}
