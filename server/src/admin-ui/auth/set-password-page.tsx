import { useState } from 'preact/hooks';
import { ApiFailure, type Api } from '../api/client.ts';
import { navigate } from '../router/use-route.ts';

const MIN = 12;
const MAX = 1024;

/** The one-time link `admin user add` prints: choose a password, then log in with it. */
export function SetPasswordPage({ api, token }: { api: Api; token: string }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(token ? null : 'This link has no token: ask for a new one.');
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (password.length < MIN || password.length > MAX) return setError(`Use ${MIN} to ${MAX} characters.`);
    if (password !== repeat) return setError('The two passwords differ.');
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.setPassword(token, password);
      setDone(user.email);
    } catch (err) {
      setError(err instanceof ApiFailure && (err.status === 400 || err.status === 404 || err.status === 410) ? `${err.message}. Ask for a new link.` : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <main class="login" data-page="set-password">
        <div class="card">
          <h1>Password set</h1>
          <p role="status">You can now log in as {done}.</p>
          <button type="button" onClick={() => navigate({ name: 'login', query: {} })}>
            Log in
          </button>
        </div>
      </main>
    );
  }
  return (
    <main class="login" data-page="set-password">
      <form onSubmit={submit} class="card">
        <h1>Choose a password</h1>
        <label class="field">
          <span class="field-label">New password</span>
          <input type="password" autocomplete="new-password" minLength={MIN} maxLength={MAX} required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label">Again</span>
          <input type="password" autocomplete="new-password" required value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
        </label>
        <p class="hint">At least {MIN} characters. The link works once, for 24 hours.</p>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy || !token}>
          {busy ? 'Saving…' : 'Set password'}
        </button>
      </form>
    </main>
  );
}
