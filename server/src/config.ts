/** Every setting the server reads, from the environment, with the defaults the README documents. */
export interface Config {
  port: number;
  host: string;
  dbUrl: string;
  dbAuthToken: string | undefined;
  /** plain admin token from SHOPLOOP_ADMIN_TOKEN; when absent one is generated and stored (hashed) on first start */
  adminToken: string | undefined;
  /** how many reverse proxies of your own stand in front (0: none): the client address is read that many X-Forwarded-For hops from the right */
  trustProxy: number;
  rateLimit: {
    /** collector requests per minute per visitor, and per client address */
    perVisitorPerMinute: number;
    perIpPerMinute: number;
  };
  /** how often the lifecycle scheduler looks for due stages */
  schedulerIntervalMs: number;
  /** how often the recommender reads events other instances stored (0: never, for a single instance) */
  recsCatchUpMs: number;
  /** how often each site's recommendation model is rebuilt from its window, so older events leave memory (0: never) */
  recsRebuildHours: number;
  /** where the built widget (shoploop.js) is served from */
  widgetDir: string;
  /** SHOPLOOP_PUSH_ENDPOINTS: origins that replace the list of known browser push services (a test service) */
  pushEndpoints: string | undefined;
  /** how often the push outbox and the periodic campaigns look for due work (0: never, e.g. a collector-only instance) */
  campaignIntervalMs: number;
  /** admin app sessions: ended after this many idle minutes, and this many hours after login whatever happens */
  adminSession: { idleMinutes: number; hours: number };
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`config: ${name} must be a whole number, got "${raw}"`);
  return n;
}

function atMost(n: number, max: number, name: string): number {
  if (n > max) throw new Error(`config: ${name} must be at most ${max}, got ${n}`);
  return n;
}

function atLeast1(n: number, name: string): number {
  if (n < 1) throw new Error(`config: ${name} must be at least 1, got ${n}`);
  return n;
}

/** SHOPLOOP_TRUST_PROXY: off (unset, `0`, `false`), `true` (one proxy) or the number of proxies in front. */
function proxyHops(raw: string | undefined): number {
  if (raw === undefined || raw === '' || raw === 'false') return 0;
  if (raw === 'true') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new Error(`config: SHOPLOOP_TRUST_PROXY must be true, false or the number of proxies in front (0-10), got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'SHOPLOOP_PORT', int(env, 'PORT', 8787)),
    host: env.SHOPLOOP_HOST || '0.0.0.0',
    dbUrl: env.SHOPLOOP_DB_URL || 'file:./data/shoploop.db',
    dbAuthToken: env.SHOPLOOP_DB_AUTH_TOKEN || undefined,
    adminToken: env.SHOPLOOP_ADMIN_TOKEN || undefined,
    trustProxy: proxyHops(env.SHOPLOOP_TRUST_PROXY),
    rateLimit: {
      perVisitorPerMinute: int(env, 'SHOPLOOP_RATE_VISITOR_PER_MIN', 120),
      perIpPerMinute: int(env, 'SHOPLOOP_RATE_IP_PER_MIN', 1200),
    },
    schedulerIntervalMs: int(env, 'SHOPLOOP_SCHEDULER_INTERVAL_MS', 1000),
    recsCatchUpMs: int(env, 'SHOPLOOP_RECS_CATCH_UP_MS', 5000),
    recsRebuildHours: atMost(int(env, 'SHOPLOOP_RECS_REBUILD_HOURS', 24), 24 * 24, 'SHOPLOOP_RECS_REBUILD_HOURS'), // a timer's limit
    widgetDir: env.SHOPLOOP_WIDGET_DIR || 'dist/widget',
    pushEndpoints: env.SHOPLOOP_PUSH_ENDPOINTS || undefined,
    campaignIntervalMs: int(env, 'SHOPLOOP_CAMPAIGN_INTERVAL_MS', 1000),
    adminSession: {
      idleMinutes: atLeast1(int(env, 'SHOPLOOP_ADMIN_SESSION_IDLE_MINUTES', 60), 'SHOPLOOP_ADMIN_SESSION_IDLE_MINUTES'),
      hours: atLeast1(int(env, 'SHOPLOOP_ADMIN_SESSION_HOURS', 12), 'SHOPLOOP_ADMIN_SESSION_HOURS'),
    },
  };
}
