import { guard } from '../guard.ts';
import { settleMs } from '../timing.ts';

/**
 * The page's URL without its #fragment: in-page anchors are not page views. A hash-routed single-page app's route
 * (`#/products/tee`, `#!/cart`) is part of the page's URL.
 */
export const pageUrl = () => location.href.replace(/#(?![/!]).*/, '');

/**
 * Calls `onPage()` for the current page and after every navigation that changes the URL (ignoring the
 * #fragment, so in-page anchors are not page views, but not a hash route): history.pushState/replaceState,
 * back/forward, a hash route's change, and a page restored from the back/forward cache. Returns a function that
 * reports the current page again.
 */
export const watchPages = (onPage: () => void): ((force?: boolean) => void) => {
  let last: string | undefined;
  const check = guard((force?: boolean) => {
    const url = pageUrl();
    if (force || url != last) {
      last = url;
      onPage();
    }
  });
  const later = () => setTimeout(check, settleMs);

  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (...args) {
      original.apply(this, args);
      later();
    };
  }
  addEventListener('popstate', later);
  addEventListener('hashchange', later); // a hash route's change (browsers also fire popstate; the URL check dedupes)
  addEventListener('pageshow', (event) => event.persisted && check(true));
  check();
  return check;
};
