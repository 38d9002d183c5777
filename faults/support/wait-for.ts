import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `done` every `everyMs` until it holds, or fails after `timeoutMs` naming what it waited for. */
export async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 100): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await done())) {
    if (performance.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
