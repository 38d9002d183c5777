import type { ErrorBody, Session, Site } from './types.ts';

/** A refused or failed call, with the API's own code and message and, for a bad body, the fields at fault. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** seconds to wait, from Retry-After (a throttled login) */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export type Query = Record<string, string | number | undefined | null>;

/**
 * The admin API from the page: same origin, so the browser sends the HttpOnly session cookie itself; writes carry
 * the session's CSRF token. A 401 from /admin/api means the session ended: `onSignedOut` sends the user to log in.
 */
export class Api {
  private csrf: string | null = null;

  constructor(private readonly onSignedOut: () => void = () => {}) {}

  // GET /admin/auth/session — null when not logged in
  async session(): Promise<Session | null> {
    try {
      return this.remember(await this.call<Session>('GET', '/admin/auth/session'));
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) return null;
      throw err;
    }
  }

  async login(email: string, password: string): Promise<Session> {
    return this.remember(await this.call<Session>('POST', '/admin/auth/login', { email, password }));
  }

  async logout(): Promise<void> {
    await this.call('POST', '/admin/auth/logout', {});
    this.csrf = null;
  }

  setPassword(token: string, password: string): Promise<{ user: { email: string } }> {
    return this.call('POST', '/admin/auth/set-password', { token, password });
  }

  async sites(): Promise<Site[]> {
    return (await this.get<{ sites: Site[] }>('/sites')).sites;
  }

  /** GET /admin/api<path>?<query> (empty values left out). */
  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.call('GET', `/admin/api${path}${queryString(query)}`);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.call('POST', `/admin/api${path}`, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.call('PUT', `/admin/api${path}`, body);
  }

  delete<T>(path: string, query: Query = {}): Promise<T> {
    return this.call('DELETE', `/admin/api${path}${queryString(query)}`);
  }

  private remember(session: Session): Session {
    this.csrf = session.csrfToken;
    return session;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && method !== 'HEAD' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) {
      const error = (json as ErrorBody | null)?.error;
      if (res.status === 401 && path.startsWith('/admin/api/')) this.onSignedOut();
      const fields = Object.fromEntries((error?.details?.issues ?? []).map((i) => [i.path.split('.').at(-1) ?? '', i.message]));
      const retry = Number(res.headers.get('retry-after'));
      throw new ApiFailure(res.status, error?.code ?? 'http', error?.message ?? `${res.status} ${res.statusText}`, fields, Number.isFinite(retry) && retry > 0 ? retry : null);
    }
    return json as T; // our own server's answer, shaped as api/types.ts says
  }
}

function queryString(query: Query): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
