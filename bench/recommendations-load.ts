import { Agent, request } from 'node:http';
import { openLoop } from './open-loop.ts';

// The GET side of the open loop, for a server that is already running (the collector bench POSTs batches).

export interface OpenLoopResult {
  /** latency in ms of every 2xx answer, by tag */
  byTag: Map<string, number[]>;
  errors: number;
}

function get(agent: Agent, port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, port, host: '127.0.0.1', method: 'GET', path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `ratePerSecond` GETs a second for `seconds`, each the path `next(i)` gives, tagged for the percentiles */
export async function openLoopGet(
  port: number,
  ratePerSecond: number,
  seconds: number,
  next: (i: number) => { path: string; tag: string },
  headers: Record<string, string> = {},
): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const byTag = new Map<string, number[]>();
  let errors = 0;
  await openLoop(ratePerSecond, Math.round(ratePerSecond * seconds), async (i) => {
    const { path, tag } = next(i);
    const t0 = performance.now();
    try {
      const status = await get(agent, port, path, headers);
      if (status < 200 || status > 299) errors++;
      else (byTag.get(tag) ?? byTag.set(tag, []).get(tag)!).push(performance.now() - t0);
    } catch {
      errors++;
    }
  });
  agent.destroy();
  return { byTag, errors };
}
