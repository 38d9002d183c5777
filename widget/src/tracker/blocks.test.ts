import { afterEach, expect, test, vi } from 'vitest';
import { showBlocks } from './blocks.ts';
import type { Config } from './config.ts';
import type { Tracker } from './tracker.ts';

// The UI bundle is replaced by a spy; `loads` counts how often its module was evaluated.
const ui = vi.hoisted(() => ({ loads: 0, showBlocks: vi.fn() }));
vi.mock('../ui/shoploop-ui.ts', () => {
  ui.loads++;
  return { showBlocks: ui.showBlocks };
});

/** the folder of the UI's source stands in for the folder the script was loaded from */
const config: Config = { site: 'pk_blocks', api: 'https://c.example', gpc: false, dir: `${process.cwd()}/widget/src/ui/` };
const tracker = (visitor: string | false = 'V1') => ({ visitor: () => visitor, track: vi.fn() }) as unknown as Tracker;
const block = '<div data-shoploop="popular"></div>';

/**
 * Shows the blocks of a page with a block, for a tracker of its own, and waits until the UI has them. Any import
 * started earlier has settled by then, so "not called for an earlier page" can be checked.
 */
const control = async () => {
  document.body.innerHTML = block;
  const allowed = tracker();
  showBlocks(config, allowed);
  await vi.waitFor(() => expect(ui.showBlocks).toHaveBeenCalledWith(config, allowed), { timeout: 5000 });
};

afterEach(() => {
  ui.showBlocks.mockClear();
  document.body.innerHTML = '';
});

test('a page with a block loads the UI from the folder of the script, once, and hands it config and tracker', async () => {
  document.body.innerHTML = block;
  const first = tracker();
  showBlocks(config, first);
  await vi.waitFor(() => expect(ui.showBlocks).toHaveBeenCalledWith(config, first), { timeout: 5000 });
  showBlocks(config, first); // the next page view
  await vi.waitFor(() => expect(ui.showBlocks).toHaveBeenCalledTimes(2));
  expect(ui.loads).toBe(1);
});

test('a page without a block does not load the UI', async () => {
  document.body.innerHTML = '<div class="recommendations"></div>';
  showBlocks(config, tracker());
  await control();
  expect(ui.showBlocks).toHaveBeenCalledTimes(1); // the control's call only
});

test('while collection is denied, blocks are not shown', async () => {
  document.body.innerHTML = block;
  showBlocks(config, tracker(false));
  await control();
  expect(ui.showBlocks).toHaveBeenCalledTimes(1);
});

test('a UI that cannot be loaded leaves the page alone', async () => {
  document.body.innerHTML = block;
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  try {
    showBlocks({ ...config, dir: `${process.cwd()}/widget/src/missing/` }, tracker());
    await control();
  } finally {
    process.off('unhandledRejection', unhandled);
  }
  expect(unhandled).not.toHaveBeenCalled();
});

test('a buyer’s page without a block loads the UI while a check for review requests is due, not before', async () => {
  document.body.innerHTML = '';
  localStorage.setItem('shoploop:reviews', String(Date.now() + 60_000)); // the next check is a minute away
  showBlocks(config, tracker());
  await control();
  expect(ui.showBlocks).toHaveBeenCalledTimes(1);

  document.body.innerHTML = '';
  ui.showBlocks.mockClear();
  for (const due of [String(-Date.now()), String(Date.now() - 1)]) {
    localStorage.setItem('shoploop:reviews', due); // just bought, or the next check has come
    const buyer = tracker();
    showBlocks(config, buyer);
    await vi.waitFor(() => expect(ui.showBlocks).toHaveBeenCalledWith(config, buyer), { timeout: 5000 });
    showBlocks(config, tracker(false)); // never while collection is denied
  }
  await control();
  expect(ui.showBlocks).toHaveBeenCalledTimes(3);
  localStorage.clear();
});
