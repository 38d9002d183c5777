import { expect, test } from 'vitest';
import { loadConfig } from './config.ts';

test('defaults are the documented ones', () => {
  const config = loadConfig({});
  expect(config.port).toBe(8787);
  expect(config.dbUrl).toBe('file:./data/shoploop.db');
  expect(config.recsCatchUpMs).toBe(5000);
  expect(config.recsRebuildHours).toBe(24);
});

test('a setting that is not a whole number, or too large for a timer, is refused by name', () => {
  expect(() => loadConfig({ SHOPLOOP_RECS_REBUILD_HOURS: '1.5' })).toThrow(/SHOPLOOP_RECS_REBUILD_HOURS must be a whole number/);
  expect(() => loadConfig({ SHOPLOOP_RECS_REBUILD_HOURS: '577' })).toThrow(/SHOPLOOP_RECS_REBUILD_HOURS must be at most 576/);
  expect(loadConfig({ SHOPLOOP_RECS_REBUILD_HOURS: '0' }).recsRebuildHours).toBe(0);
});

test('SHOPLOOP_TRUST_PROXY: off, true/1 for one proxy, N for N proxies; anything else is refused', () => {
  expect(loadConfig({}).trustProxy).toBe(0);
  expect(loadConfig({ SHOPLOOP_TRUST_PROXY: 'false' }).trustProxy).toBe(0);
  expect(loadConfig({ SHOPLOOP_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
  expect(loadConfig({ SHOPLOOP_TRUST_PROXY: '1' }).trustProxy).toBe(1);
  expect(loadConfig({ SHOPLOOP_TRUST_PROXY: '3' }).trustProxy).toBe(3);
  expect(() => loadConfig({ SHOPLOOP_TRUST_PROXY: 'yes' })).toThrow(/SHOPLOOP_TRUST_PROXY/);
  expect(() => loadConfig({ SHOPLOOP_TRUST_PROXY: '-1' })).toThrow(/SHOPLOOP_TRUST_PROXY/);
});
