import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium says "HeadlessChrome", which the collector rightly drops as a bot; a shopper's browser says
 * Chrome. Set on the command line, not only per context: a keepalive request still in flight when its page
 * unloads (the tracker's pagehide flush) is sent by the browser process, which ignores a context's override and
 * would announce a bot — the batch would be acknowledged and not stored.
 */
export const SHOPPER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

/**
 * Debian's Chromium through playwright-core (no browser download; playwright gives it a fresh profile). The
 * flags keep it off the closed network, where its background connections would only be refused.
 */
export async function launchChromium(extra: { args?: string[]; ignoreDefaultArgs?: string[] } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH); .ci/run installs it`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-agent=${SHOPPER_UA}`, ...(extra.args ?? [])],
    ignoreDefaultArgs: extra.ignoreDefaultArgs, // e.g. playwright's --disable-back-forward-cache, for a bfcache test
  });
}
