import type { BlocksUi } from './blocks.ts';
import type { Config } from './config.ts';
import type { PushUi } from './push.ts';

/** What `shoploop-ui.js` (widget/src/ui/shoploop-ui.ts) exports. */
export type Ui = BlocksUi & PushUi;

/**
 * Imports the UI bundle (Preact) from the folder the tracker came from, so a proxied tracker brings its UI along.
 * The browser fetches and runs a module once per page; later imports return the same one.
 */
export const loadUi = (config: Config): Promise<Ui> => import(/* @vite-ignore */ config.dir + 'shoploop-ui.js');
