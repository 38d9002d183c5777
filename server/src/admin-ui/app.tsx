import { useState } from 'preact/hooks';
import { LoginForm } from './auth/login-form.tsx';
import { clearToken, readToken, saveToken } from './auth/token-store.ts';
import { Dashboard } from './dashboard.tsx';

/** Login gate: the dashboard once there is a token; any 401 sends the user back here with the reason. */
export function App() {
  const [token, setToken] = useState(readToken);
  const [notice, setNotice] = useState<string | null>(null);
  const logout = (reason: string | null) => {
    clearToken();
    setNotice(reason);
    setToken(null);
  };
  if (!token) {
    return (
      <LoginForm
        notice={notice}
        onToken={(t) => {
          saveToken(t);
          setNotice(null);
          setToken(t);
        }}
      />
    );
  }
  return <Dashboard token={token} onLogout={logout} />;
}
