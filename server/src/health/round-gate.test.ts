import { describe, expect, it, vi } from 'vitest';
import { RoundGate } from './round-gate.ts';

describe('RoundGate', () => {
  it('stays shut while writes fail, and pauses 5 s, doubling to a minute, after failed rounds', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let now = 0;
    const health = { writeProblem: null as null | { reason: string; since: number } };
    const gate = new RoundGate(health, () => now);
    expect(gate.open()).toBe(true);
    health.writeProblem = { reason: 'database is locked', since: 0 };
    expect(gate.open()).toBe(false);
    health.writeProblem = null;

    const pauses: number[] = [];
    for (let i = 0; i < 6; i++) {
      gate.failed('test', new Error('database is locked'));
      const start = now;
      while (!gate.open()) now += 1_000;
      pauses.push(now - start);
    }
    expect(pauses).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    gate.succeeded();
    gate.failed('test', new Error('again'));
    now += 4_000;
    expect(gate.open()).toBe(false);
    now += 1_000;
    expect(gate.open()).toBe(true);
  });
});
