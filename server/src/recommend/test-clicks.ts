import type { Click } from './types.ts';

/** clicks from `[sessionId, itemId, time]` triples, for tests */
export function clicksOf(rows: [string, string, number][]): Click[] {
  return rows.map(([sessionId, itemId, time]) => ({ sessionId, itemId, time }));
}

/**
 * A deterministic stream of interleaved sessions over `items` items, in time order, with repeats and ties:
 * the shape live traffic has, for checking that incremental updates equal a batch build.
 */
export function syntheticStream(sessions: number, items: number, seed = 7, sameTimeShare = 0.2): Click[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const open: { id: string; left: number; item: number }[] = [];
  const clicks: Click[] = [];
  let started = 0;
  let time = 0;
  while (started < sessions || open.length > 0) {
    if (started < sessions && (open.length === 0 || random() < 0.3)) {
      open.push({ id: `s${started++}`, left: 1 + Math.floor(random() * 8), item: Math.floor(random() * items) });
    }
    const at = Math.floor(random() * open.length);
    const session = open[at];
    if (!session) continue;
    clicks.push({ sessionId: session.id, itemId: `i${session.item}`, time });
    if (random() >= sameTimeShare) time++; // some clicks share a timestamp
    session.item = random() < 0.2 ? session.item : (session.item + 1 + Math.floor(random() * 3)) % items;
    if (--session.left === 0) open.splice(at, 1);
  }
  return clicks;
}
