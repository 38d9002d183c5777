import type { BlocksUi } from './blocks.ts';
import type { Config } from './config.ts';
import type { PushUi } from './push.ts';

/** What `shoploop-ui.js` (widget/src/ui/shoploop-ui.ts) exports. */
export type Ui = BlocksUi & PushUi;

/**
 * Imports the UI bundle (Preact) from the folder the tracker came from, so a proxied tracker brings its UI along,
 * and hands it to `use`. The browser fetches and runs a module once per page; later imports return the same one.
 */
export const useUi = (config: Config, use: (ui: Ui) => void): void => {
  import(/* @vite-ignore */ config.dir + 'shoploop-ui.js')
    .then(use)
    .catch(() => {}); // offline, or blocked: no blocks, no prompt
};
