import type { DailyStages, ErrorBody, Funnel, LifecycleSettings, SiteSettings, SiteSummary, StagePreview } from './types.ts';

/** A refused or failed call, with the API's own message and, for a bad body, the fields at fault. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** The admin API from the page: relative paths (the server serves this page), the token as a bearer. */
export class AdminApi {
  constructor(private readonly token: string) {}

  async sites(): Promise<SiteSummary[]> {
    return (await this.call<{ sites: SiteSummary[] }>('GET', '/admin/api/sites')).sites;
  }

  funnel(site: string, period: { from?: string; to?: string } = {}): Promise<Funnel> {
    return this.call('GET', `/admin/api/funnel?${query({ site, ...period })}`);
  }

  dailyStages(site: string): Promise<DailyStages> {
    return this.call('GET', `/admin/api/stages/daily?${query({ site })}`);
  }

  preview(site: string, settings: Partial<LifecycleSettings>): Promise<StagePreview> {
    return this.call('POST', '/admin/api/stages/preview', { site, settings });
  }

  settings(site: string): Promise<SiteSettings> {
    return this.call('GET', `/admin/api/sites/${encodeURIComponent(site)}/settings`);
  }

  saveSettings(site: string, lifecycle: Partial<LifecycleSettings>): Promise<SiteSettings> {
    return this.call('PUT', `/admin/api/sites/${encodeURIComponent(site)}/settings`, { lifecycle });
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const error = (json as ErrorBody | null)?.error;
      const fields = Object.fromEntries((error?.details?.issues ?? []).map((i) => [i.path.split('.').at(-1) ?? '', i.message]));
      throw new ApiFailure(res.status, error?.message ?? `${res.status} ${res.statusText}`, fields);
    }
    return json as T; // our own server's answer, typed by api/types.ts
  }
}

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  return q.toString();
}
