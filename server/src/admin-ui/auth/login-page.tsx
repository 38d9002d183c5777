import { useState } from 'preact/hooks';
import { ApiFailure, type Api } from '../api/client.ts';
import type { Session } from '../api/types.ts';

/** Email and password against POST /admin/auth/login; a throttled login says how long to wait. */
export function LoginPage({ api, notice, onSession }: { api: Api; notice: string | null; onSession(s: Session): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSession(await api.login(email.trim(), password));
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) setError('That email and password do not match an account.');
      else if (err instanceof ApiFailure && err.status === 429) setError(`Too many attempts. Try again in ${err.retryAfter ? `${Math.ceil(err.retryAfter / 60)} min` : 'a while'}.`);
      else if (err instanceof ApiFailure && err.status === 400) setError(err.message);
      else setError(`Could not reach the server: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login" data-page="login">
      <form onSubmit={submit} class="card">
        <h1>Shoploop</h1>
        {notice && !error && <p class="hint" role="status">{notice}</p>}
        <label class="field">
          <span class="field-label">Email</span>
          <input name="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} autofocus />
        </label>
        <label class="field">
          <span class="field-label">Password</span>
          <input name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
        <p class="hint">
          No account? An administrator adds one with <code>npm run shoploop -- admin user add EMAIL</code>.
        </p>
      </form>
    </main>
  );
}
