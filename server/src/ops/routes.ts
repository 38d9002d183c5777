import { Hono } from 'hono';
import type { RuntimeMetrics } from './runtime-metrics.ts';

/** Mounted under /admin/api, behind the admin check: what the soak (bench/soak) and an operator poll. */
export function runtimeMetricsRoutes(metrics: RuntimeMetrics) {
  // GET /admin/api/metrics — this instance's memory and event-loop delay since the previous call
  return new Hono().get('/metrics', (c) => c.json(metrics.snapshot()));
}
