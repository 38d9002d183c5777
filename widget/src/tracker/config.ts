/** What the script tag says (`data-site`, `data-api`, `data-gpc`) and where it was loaded from. */
export interface Config {
  site: string;
  /** base URL of the collector, without a trailing slash */
  api: string;
  /** data-gpc="respect": Global Privacy Control counts as consent denied */
  gpc: boolean;
  /** the folder the script was loaded from, with a trailing slash: the UI bundle sits beside it */
  dir: string;
}

/** Reads the tag's data- attributes; the API defaults to the folder the script was loaded from. */
export const readConfig = (script: HTMLScriptElement): Config | undefined => {
  const { site, api, gpc } = script.dataset;
  // src is absolute; '' for an inline script, which then needs data-api
  const dir = script.src.replace(/[^/]*$/, '');
  if (site) return { site, api: (api || dir).replace(/\/$/, ''), gpc: gpc == 'respect', dir };
};
