import { Hono } from 'hono';
import type { AppDeps } from './app-deps.ts';
import { systemClock, type Clock } from './clock.ts';
import { loadConfig, type Config } from './config.ts';
import { Collector } from './collect/collector.ts';
import { EventWriter } from './collect/event-writer.ts';
import type { Db } from './db/client.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { DatabaseHealth } from './health/database-health.ts';
import { healthRoutes } from './health/health-routes.ts';
import { writeLockProbe } from './health/write-lock-probe.ts';
import { publicCors } from './http/public-cors.ts';
import { adminApiRoutes } from './routes/admin-api.ts';
import { adminLifecycleRoutes } from './routes/admin-lifecycle.ts';
import { adminPageRoutes } from './routes/admin-page.ts';
import { collectRoutes } from './routes/collect.ts';
import { meRoutes } from './routes/me.ts';
import { adminRecommendationRoutes } from './routes/admin-recommendations.ts';
import { recommendationRoutes } from './routes/recommendations.ts';
import { RecommendationService } from './recommend/serve/recommendation-service.ts';
import type { Recommender } from './recommend/serve/recommender.ts';
import { WorkerRecommender } from './recommend/serve/worker/worker-recommender.ts';
import { widgetAssetRoutes } from './routes/widget-assets.ts';
import { SiteCache } from './sites/site-cache.ts';
import { LifecycleMaintenance } from './lifecycle/maintenance.ts';
import { LifecycleScheduler } from './lifecycle/scheduler.ts';
import { FreshEvents } from './lifecycle/fresh-events.ts';
import { adminAccounts } from './admin/accounts/index.ts';
import type { Agent } from 'node:https';
import { CampaignRunner } from './campaigns/campaign-runner.ts';
import { catalogContent } from './campaigns/outbox/content-source.ts';
import { MessageDispatcher } from './campaigns/outbox/dispatcher.ts';
import { adminCampaignRoutes } from './campaigns/routes/admin-campaign-routes.ts';
import { stageTriggers } from './campaigns/triggers/stage-triggers.ts';
import { endpointPolicy } from './push/endpoints/endpoint-policy.ts';
import { PushSender } from './push/send/push-sender.ts';
import { pushSubscriptionRoutes } from './push/subscriptions/routes.ts';
import { composeEvaluationHooks } from './lifecycle/evaluation-hook.ts';
import { reviewTriggers } from './reviews/schedule/review-triggers.ts';
import { reportRollups } from './admin/reports/rollups/report-rollups-hook.ts';
import { adminReportRoutes } from './admin/reports/routes.ts';
import { reviewBrowserRoutes } from './reviews/routes/browser-routes.ts';
import { reviewAdminRoutes } from './reviews/routes/admin-routes.ts';
import { shopifyRoutes } from './integrations/shopify/routes.ts';
import { adminPeopleRoutes } from './admin/people/routes.ts';
import { siteSnippetRoutes } from './sites/snippet-routes.ts';
import { RuntimeMetrics } from './ops/runtime-metrics.ts';
import { runtimeMetricsRoutes } from './ops/routes.ts';

export interface CreateAppOptions {
  db: Db;
  clock?: Clock;
  config?: Config;
  /** SHA-256 of the admin token (see admin/admin-token.ts) */
  adminTokenHash: string | (() => Promise<string>);
  /** TLS trust for push services (a test push service's certificate); default: the system's */
  pushAgent?: Agent;
  /**
   * Recommendation models on a worker thread (recommend/serve/worker/) instead of the calling thread; needs a
   * database another thread can open (a file or a libSQL server) and the system clock, which the worker uses.
   */
  recommendationsOnWorker?: boolean;
}

export interface ShoploopApp {
  app: Hono;
  deps: AppDeps;
  /** what the collector's writes say of the database: background rounds wait while it fails */
  health: DatabaseHealth;
  /** waits for queued writes; call before closing the database */
  close(): Promise<void>;
}

/** Builds the whole HTTP surface; `main.ts` listens, tests call `app.request()` with no port. */
export function createApp(options: CreateAppOptions): ShoploopApp {
  const clock = options.clock ?? systemClock;
  const config = options.config ?? loadConfig({});
  const { db } = options;
  const hash = options.adminTokenHash;
  const maintenance = new LifecycleMaintenance(db, clock);
  // main.ts puts the models on a worker thread: learning and rebuilds then never hold up requests
  const recommendations: Recommender = options.recommendationsOnWorker
    ? new WorkerRecommender({ url: db.url, authToken: config.dbAuthToken })
    : new RecommendationService(db, clock);
  // the lifecycle folds what the writer just stored from memory instead of reading it back (lifecycle/fresh-events.ts)
  const fresh = new FreshEvents();
  const writer = new EventWriter(db, clock, {
    onCommitted: (siteId, vid, events, at) => recommendations.ingest(siteId, vid, events, at),
    onSequenced: (siteId, vid, events, at) => fresh.add(siteId, vid, events, at),
  });
  const health = new DatabaseHealth(); // the collector's writes tell it how the database is; /healthz reads it
  const lockProbe = writeLockProbe(db.url);
  const siteCache = new SiteCache(db, () => performance.now()); // cache age in wall time, whatever the clock says
  const pushEndpoints = endpointPolicy(config.pushEndpoints);
  // VAPID tokens age in wall time: push services check their expiry against their own clocks
  const pushSender = new PushSender({ endpoints: pushEndpoints, ...(options.pushAgent ? { agent: options.pushAgent } : {}) });
  const runtime = new RuntimeMetrics();
  const dispatcher = new MessageDispatcher(db, clock, pushSender, catalogContent(db, recommendations));
  const deps: AppDeps = {
    db,
    clock,
    config,
    writer,
    collector: new Collector({ writer, siteCache, config, clock }, health),
    recommendations,
    siteCache,
    maintenance,
    scheduler: new LifecycleScheduler(db, clock, {
      aliveProbability: (siteId) => maintenance.aliveProbability(siteId),
      maintenance,
      onEvaluated: composeEvaluationHooks(stageTriggers(db), reviewTriggers(db), reportRollups()),
      fresh,
    }),
    dispatcher,
    campaigns: new CampaignRunner(db, clock, dispatcher, recommendations),
    adminTokenHash: typeof hash === 'string' ? async () => hash : hash,
  };

  const access = adminAccounts(deps);
  const app = new Hono()
    .route('/', healthRoutes(db, health, lockProbe))
    // Public, browser-facing API: any shop origin may call it; the collector checks the site's own list.
    .use('/v1/*', publicCors())
    .route('/v1', collectRoutes(deps))
    .route('/v1', meRoutes(deps))
    .route('/v1', recommendationRoutes(deps, deps.recommendations))
    .route('/v1', pushSubscriptionRoutes(deps, pushEndpoints))
    .route('/v1', reviewBrowserRoutes(deps))
    // The admin app and its API: secure headers on all of it; the API takes the bearer token (machines) or the
    // session cookie with its CSRF token (the admin app), /admin/auth logs in and out
    .use('/admin', access.headers)
    .use('/admin/', access.headers)
    .use('/admin/auth/*', access.headers)
    .use('/admin/api/*', access.headers, access.guard)
    .route('/admin/auth', access.routes)
    .route('/admin/api', adminApiRoutes(deps))
    .route('/admin/api', adminLifecycleRoutes(deps))
    .route('/admin/api', adminReportRoutes(deps))
    .route('/admin/api', adminRecommendationRoutes(deps))
    .route('/admin/api', adminCampaignRoutes(deps))
    .route('/admin/api', reviewAdminRoutes(deps))
    .route('/admin/api', adminPeopleRoutes(deps))
    .route('/admin/api', siteSnippetRoutes(deps))
    .route('/admin/api', runtimeMetricsRoutes(runtime))
    // A shop platform's own servers (signed webhooks), never a browser
    .route('/integrations', shopifyRoutes(deps))
    .route('/', adminPageRoutes())
    .route('/', widgetAssetRoutes(config.widgetDir));

  app.onError(errorHandler);
  app.notFound(notFoundHandler);
  return {
    app,
    deps,
    health,
    close: async () => {
      await deps.campaigns.stop();
      await deps.recommendations.stop();
      await deps.scheduler.stop();
      await deps.writer.flush();
      runtime.stop();
      lockProbe?.close();
    },
  };
}
