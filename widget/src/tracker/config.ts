/** What the script tag says (`data-site`, `data-api`, `data-gpc`). */
export interface Config {
  site: string;
  /** base URL of the collector, without a trailing slash */
  api: string;
  /** data-gpc="respect": Global Privacy Control counts as consent denied */
  gpc: boolean;
}

/** Reads the tag's data- attributes; the API defaults to the folder the script was loaded from. */
export const readConfig = (script: HTMLScriptElement | null): Config | undefined => {
  const data = script?.dataset;
  if (!data?.site) return;
  return {
    site: data.site,
    api: (data.api || new URL('.', script!.src).href).replace(/\/+$/, ''),
    gpc: data.gpc == 'respect',
  };
};
