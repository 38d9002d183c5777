/**
 * At most `limit` requests in flight to each push-service origin: a burst for one service waits its turn
 * instead of opening hundreds of connections (and being answered 429), and a slow service holds up only its own.
 */
export class OriginLimit {
  private readonly slots = new Map<string, { active: number; waiting: Array<() => void> }>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`perServiceConcurrency must be a whole number ≥ 1, got ${limit}`);
  }

  async run<T>(origin: string, task: () => Promise<T>): Promise<T> {
    let slot = this.slots.get(origin);
    if (!slot) this.slots.set(origin, (slot = { active: 0, waiting: [] }));
    if (slot.active < this.limit) slot.active++;
    else await new Promise<void>((resolve) => slot.waiting.push(resolve)); // the slot is handed over, active unchanged
    try {
      return await task();
    } finally {
      const next = slot.waiting.shift();
      if (next) next();
      else if (--slot.active === 0) this.slots.delete(origin);
    }
  }
}
