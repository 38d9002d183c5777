/** What the script tag says (`data-site`, `data-api`, `data-gpc`). */
export interface Config {
  site: string;
  /** base URL of the collector, without a trailing slash */
  api: string;
  /** data-gpc="respect": Global Privacy Control counts as consent denied */
  gpc: boolean;
}

/** Reads the tag's data- attributes; the API defaults to the folder the script was loaded from. */
export const readConfig = (script: HTMLScriptElement): Config | undefined => {
  const { site, api, gpc } = script.dataset;
  if (site) return { site, api: (api || new URL('.', script.src).href).replace(/\/$/, ''), gpc: gpc == 'respect' };
};
