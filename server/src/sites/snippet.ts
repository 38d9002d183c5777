import type { Site } from '../db/schema/sites.ts';
import { serviceWorkerLine, snippetFor } from './sites.ts';

/** Where the shop's pages and the admin reach this server, without a trailing slash: SHOPLOOP_PUBLIC_URL (empty is unset), else localhost on the port. */
export function publicServerUrl(env: NodeJS.ProcessEnv, port: number | string): string {
  return (env.SHOPLOOP_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
}

export const SERVICE_WORKER_PATH = '/shoploop-sw.js';

/** What a shop pastes: the script tag for every page, and the one-line file it serves for web push. */
export interface SiteSnippet {
  script: string;
  serviceWorker: { path: typeof SERVICE_WORKER_PATH; body: string };
}

export function siteSnippet(site: Pick<Site, 'publicKey'>, serverUrl: string): SiteSnippet {
  return { script: snippetFor(site, serverUrl), serviceWorker: { path: SERVICE_WORKER_PATH, body: serviceWorkerLine(serverUrl) } };
}

/** `site snippet`'s output: the admin API serves the same two texts (GET /admin/api/sites/:id/snippet). */
export function snippetText(s: SiteSnippet): string {
  return `${s.script}\n\n${s.serviceWorker.path} (for web push):\n${s.serviceWorker.body}`;
}
