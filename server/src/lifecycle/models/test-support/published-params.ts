import type { BgNbdParams } from '../bgnbd/params.ts';

/** BG/NBD on the CDNOW sample (weeks) as published by Fader, Hardie & Lee (2005) and reproduced by lifetimes. */
export const PUBLISHED_CDNOW_BGNBD: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
