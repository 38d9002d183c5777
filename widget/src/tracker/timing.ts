// The tracker's delays, in one place. Exported so the bundler inlines them (vite.config.ts: inlineConst);
// a constant local to its module would stay a variable in the minified script.

/** Single-page apps change the URL first and render after: wait this long before reading title and content. */
export const settleMs = 300;
/** A session ends after 30 minutes without events. */
export const sessionTimeoutMs = 30 * 60 * 1000;
/** Events wait this long for others to join their batch, */
export const batchDelayMs = 1000;
/** unless this many are waiting. */
export const batchSize = 20;
/** Failed batches are retried after 1 s, doubling up to 5 minutes. */
export const firstRetryMs = 1000;
export const maxBackoffMs = 5 * 60 * 1000;
