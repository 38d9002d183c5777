import { describe, expect, test } from 'vitest';
import { parseBatch } from '../collect/parse-batch.ts';
import type { CollectEvent } from '../collect/schema.ts';
import { collectorBatches } from './collector-batches.ts';

const event = (i: number, items = 1): CollectEvent => ({
  id: `e${i}`,
  name: 'purchase',
  ts: 1000 + i,
  sid: 's',
  params: { transaction_id: `t${i}`, items: Array.from({ length: items }, (_, k) => ({ item_id: `p${k}`, item_name: 'x'.repeat(290) })) },
});

describe('collectorBatches', () => {
  test('keeps the order and puts at most 100 events in a batch', () => {
    const batches = collectorBatches('pk', 'v1', Array.from({ length: 250 }, (_, i) => event(i)));
    expect(batches.map((b) => b.events.length)).toEqual([100, 100, 50]);
    expect(batches.flatMap((b) => b.events.map((e) => e.id))).toEqual(Array.from({ length: 250 }, (_, i) => `e${i}`));
    expect(batches.every((b) => b.site === 'pk' && b.vid === 'v1')).toBe(true);
  });

  test('cuts earlier when the body would pass the collector’s 64 KB cap, so every batch parses', () => {
    const batches = collectorBatches('pk', 'v1', Array.from({ length: 100 }, (_, i) => event(i, 5)));
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(() => parseBatch(JSON.stringify(b))).not.toThrow();
  });
});
