import { useEffect, useMemo, useState } from 'preact/hooks';
import { Api } from './api/client.ts';
import type { Session } from './api/types.ts';
import { LoginPage } from './auth/login-page.tsx';
import { SetPasswordPage } from './auth/set-password-page.tsx';
import { navigate, useRoute } from './router/use-route.ts';
import { pageNames, type PageName } from './router/routes.ts';
import { Shell } from './shell/shell.tsx';
import { useTheme } from './theme/theme.ts';
import { AppContext } from './ui/app-context.ts';

/**
 * The session gate and router: GET /admin/auth/session decides between the app and #/login; any 401 from the API
 * later (expired, logged out elsewhere, user removed) comes back here.
 */
export function App() {
  const route = useRoute();
  const { theme, choice, setChoice } = useTheme();
  // undefined: not asked yet; null: not logged in
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [back, setBack] = useState<string | null>(null);
  const api = useMemo(
    () =>
      new Api(() => {
        setNotice('Your session has ended. Log in again.');
        setSession(null);
      }),
    [],
  );

  useEffect(() => {
    api.session().then(setSession, (err: unknown) => {
      setNotice(`Could not reach the server: ${(err as Error).message}`);
      setSession(null);
    });
  }, [api]);

  const isPage = (pageNames as readonly string[]).includes(route.name);
  // not logged in on an app page: remember it, show the login
  useEffect(() => {
    if (session === null && isPage) {
      setBack(location.hash);
      navigate({ name: 'login', query: route.query }, true);
    }
    if (session && route.name === 'login') {
      if (back) {
        history.replaceState(null, '', back);
        dispatchEvent(new HashChangeEvent('hashchange'));
      } else navigate({ name: 'funnel' }, true);
      setBack(null);
    }
  }, [session, route.name]);

  let body;
  if (route.name === 'set-password') body = <SetPasswordPage api={api} token={route.params[0] ?? ''} />;
  else if (session === undefined) body = <p class="hint boot">Loading…</p>;
  else if (!session || !isPage) body = <LoginPage api={api} notice={notice} onSession={(s) => (setNotice(null), setSession(s))} />;
  else {
    body = (
      <Shell
        api={api}
        session={session}
        route={route as typeof route & { name: PageName }}
        themeChoice={choice}
        onThemeChoice={setChoice}
        onLogout={() => {
          api.logout().finally(() => {
            setNotice('You are logged out.');
            setSession(null);
          });
        }}
      />
    );
  }
  return <AppContext.Provider value={{ theme, exportScope: '' }}>{body}</AppContext.Provider>;
}
