import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Api } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { pages } from '../pages/index.ts';
import { apiPeriod, type Route } from '../router/hash-route.ts';
import { navigate } from '../router/use-route.ts';
import type { PageName } from '../router/routes.ts';
import type { ThemeChoice } from '../theme/theme.ts';
import { AppContext, useAppContext } from '../ui/app-context.ts';
import { Await } from '../ui/parts.tsx';
import { useLoad } from '../ui/use-load.ts';
import { DateRange } from './date-range.tsx';
import { Nav } from './nav.tsx';
import { SitePicker } from './site-picker.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

interface Props {
  api: Api;
  session: Session;
  route: Route & { name: PageName };
  themeChoice: ThemeChoice;
  onThemeChoice(c: ThemeChoice): void;
  onLogout(): void;
}

/** The logged-in app: navigation, the site and period (kept in the hash query), and the page. */
export function Shell({ api, session, route, themeChoice, onThemeChoice, onLogout }: Props) {
  const sites = useLoad(() => api.sites(), [api]);
  const context = useAppContext();
  const { query } = route;
  const setQuery = (q: Partial<Route['query']>) => navigate({ name: route.name, params: route.params, query: { ...query, ...q } });

  // the site shown is always the one in the address (the first site until one is picked), so a link shows the same
  useEffect(() => {
    const list = sites.data;
    if (list?.length && !list.some((s) => s.id === query.site)) navigate({ name: route.name, params: route.params, query: { ...query, site: list[0]!.id } }, true);
  }, [sites.data, query.site]);

  return (
    <div class="app">
      <header class="topbar">
        <a class="brand" href="#/funnel">
          Shoploop
        </a>
        <div class="scope">
          {sites.data && sites.data.length > 0 && (
            <SitePicker sites={sites.data} value={query.site ?? sites.data[0]!.id} onChange={(site) => setQuery({ site })} />
          )}
          <DateRange from={query.from} to={query.to} onChange={setQuery} />
        </div>
        <div class="account">
          <ThemeToggle choice={themeChoice} onChange={onThemeChoice} />
          <span class="user" title="Logged in as">
            {session.user.email}
          </span>
          <button type="button" class="secondary small" data-logout onClick={onLogout}>
            Log out
          </button>
        </div>
      </header>
      <Nav current={route.name} />
      <main class="main">
        <Await state={sites}>
          {(list) => {
            if (list.length === 0) {
              return (
                <p class="card">
                  No site yet. Create one with <code>npm run shoploop -- site create --name NAME --origin URL</code>.
                </p>
              );
            }
            const site = list.find((s) => s.id === query.site) ?? list[0]!;
            const Page = pages[route.name] as ComponentType<import('../pages/page-props.ts').PageProps>;
            const exportScope = [site.name.replace(/[^\w-]+/g, '_').slice(0, 40), query.from, query.to].filter(Boolean).join('-');
            return (
              <AppContext.Provider value={{ ...context, exportScope }}>
                <Page key={`${route.name}:${site.id}`} api={api} site={site.id} sites={list} period={apiPeriod(query)} params={route.params} />
              </AppContext.Provider>
            );
          }}
        </Await>
      </main>
    </div>
  );
}
