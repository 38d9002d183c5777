import { useState } from 'preact/hooks';
import { AdminApi, ApiFailure } from '../api/client.ts';

interface Props {
  /** why the user is here again (a rejected token), if they were logged out */
  notice: string | null;
  onToken(token: string): void;
}

/** Asks for the admin token and checks it against the API before accepting it. */
export function LoginForm({ notice, onToken }: Props) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const token = value.trim();
    if (!token) return setError('Enter the admin token.');
    setBusy(true);
    try {
      await new AdminApi(token).sites();
      onToken(token);
    } catch (err) {
      setError(err instanceof ApiFailure && err.status === 401 ? 'That token was not accepted.' : `Could not reach the server: ${String((err as Error).message)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form onSubmit={submit} class="card">
        <h1>Shoploop admin</h1>
        <label for="token">Admin token</label>
        <input id="token" type="password" autocomplete="current-password" value={value} onInput={(e) => setValue(e.currentTarget.value)} autofocus />
        <p class="hint">
          The value of <code>SHOPLOOP_ADMIN_TOKEN</code>, or the token printed at the server's first start. It is kept in this tab only.
        </p>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
