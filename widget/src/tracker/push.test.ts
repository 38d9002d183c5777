import { afterEach, expect, test, vi } from 'vitest';
import type { Config } from './config.ts';
import { showPush } from './push.ts';
import type { Tracker } from './tracker.ts';

// The UI bundle is replaced by a spy, as in blocks.test.ts.
const ui = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock('../ui/shoploop-ui.ts', () => ({ push: ui.push, showBlocks: vi.fn() }));

/** the folder of the UI's source stands in for the folder the script was loaded from */
const config: Config = { site: 'pk_push', api: 'https://c.example', gpc: false, dir: `${process.cwd()}/widget/src/ui/` };
const tracker = { visitor: () => 'V1', track: vi.fn() } as unknown as Tracker;

afterEach(() => {
  ui.push.mockClear();
});

test('a push moment loads the UI from the folder of the script and hands it the moment, config and tracker', async () => {
  showPush(config, tracker, 'add_to_cart');
  await vi.waitFor(() => expect(ui.push).toHaveBeenCalledWith('add_to_cart', config, tracker), { timeout: 5000 });
});

test('a UI that cannot be loaded leaves the page alone', async () => {
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  showPush({ ...config, dir: 'https://nowhere.invalid/' }, tracker, 'prompt');
  showPush(config, tracker, 'sold_out'); // the control
  await vi.waitFor(() => expect(ui.push).toHaveBeenCalledWith('sold_out', config, tracker), { timeout: 5000 });
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.off('unhandledRejection', unhandled);
  expect(unhandled).not.toHaveBeenCalled();
  expect(ui.push).toHaveBeenCalledTimes(1);
});
