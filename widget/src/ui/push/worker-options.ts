/** The service worker the UI registers: absolute URLs of its script and scope. */
export interface WorkerOptions {
  script: string;
  scope: string;
}

/**
 * From the tag with this site key: `data-sw` (default `/shoploop-sw.js`, the one-line file the shop adds) and
 * `data-sw-scope` (default `/`), so the worker can live beside a shop's own (sw/README.md).
 */
export const workerOptions = (site: string): WorkerOptions => {
  const tag = [...document.querySelectorAll<HTMLScriptElement>('script[data-site]')].find((script) => script.dataset.site == site);
  const { sw = '/shoploop-sw.js', swScope = '/' } = tag?.dataset ?? {};
  return { script: new URL(sw, location.href).href, scope: new URL(swScope, location.href).href };
};
