import type { AdminApi } from './api/client.ts';
import type { DailyStages, Funnel, SiteSettings, TransitionCount } from './api/types.ts';

export interface SiteData {
  funnel: Funnel;
  /** the stage changes of the last 7 days, ending where `funnel` (30 days) ends */
  transitions7: TransitionCount[];
  daily: DailyStages;
  settings: SiteSettings;
}

const WEEK = 7 * 86_400_000;

/** Everything the dashboard shows for one site. The 7-day window ends at the server's now, not the browser's. */
export async function loadSiteData(api: AdminApi, site: string): Promise<SiteData> {
  const [funnel, daily, settings] = await Promise.all([api.funnel(site), api.dailyStages(site), api.settings(site)]);
  const week = await api.funnel(site, { from: new Date(Date.parse(funnel.to) - WEEK).toISOString(), to: funnel.to });
  return { funnel, transitions7: week.transitions, daily, settings };
}
