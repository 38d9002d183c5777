import { guard } from '../guard.ts';

/** Single-page apps change the URL first and render after; wait this long before reading title and content. */
const settleMs = 300;

/**
 * Calls `onPage(referrer)` for the current page and after every navigation that changes the URL (ignoring the
 * #fragment, so in-page anchors are not page views): history.pushState/replaceState, back/forward, and a page
 * restored from the back/forward cache. Returns a function that reports the current page again.
 */
export const watchPages = (onPage: (referrer: string) => void): ((force?: boolean) => void) => {
  let last: string | undefined;
  const check = guard((force?: boolean) => {
    const url = location.href.split('#')[0];
    if (!force && url == last) return;
    onPage(force || !last ? document.referrer : last);
    last = url;
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
  addEventListener('pageshow', (event) => event.persisted && check(true));
  check();
  return check;
};
