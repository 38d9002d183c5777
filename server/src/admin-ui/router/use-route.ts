import { useEffect, useState } from 'preact/hooks';
import { formatHash, parseHash, type Route, type RouteQuery } from './hash-route.ts';
import type { RouteName } from './routes.ts';

/** The current route, following hash changes (back and forward included). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Opens a route; the query is kept unless replaced, so the site and period follow the user from page to page. */
export function navigate(to: { name: RouteName; params?: string[]; query?: RouteQuery }, replace = false): void {
  const query = to.query ?? parseHash(location.hash).query;
  const hash = formatHash({ ...to, query });
  if (replace) {
    history.replaceState(null, '', hash);
    dispatchEvent(new HashChangeEvent('hashchange'));
  } else location.hash = hash;
}

/** An href for a link to a route, keeping the current site and period. */
export function hrefTo(name: RouteName, params: string[] = [], query?: RouteQuery): string {
  return formatHash({ name, params, query: query ?? parseHash(location.hash).query });
}
