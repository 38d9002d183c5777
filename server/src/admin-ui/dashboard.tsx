import { useEffect, useMemo, useState } from 'preact/hooks';
import { AdminApi, ApiFailure } from './api/client.ts';
import type { SiteSummary } from './api/types.ts';
import { DailyChart } from './chart/daily-chart.tsx';
import { SettingsForm } from './settings/settings-form.tsx';
import { loadSiteData, type SiteData } from './site-data.ts';
import { SitePicker } from './site-picker.tsx';
import { StageCards } from './stages/stage-cards.tsx';
import { TransitionsTable, type Window } from './transitions/transitions-table.tsx';

interface Props {
  token: string;
  onLogout(reason: string | null): void;
}

/** One site's lifecycle: stage sizes now, recent movements, the daily series, and the settings. */
export function Dashboard({ token, onLogout }: Props) {
  const api = useMemo(() => new AdminApi(token), [token]);
  const [sites, setSites] = useState<SiteSummary[] | null>(null);
  const [site, setSite] = useState<string | null>(null);
  const [data, setData] = useState<SiteData | null>(null);
  const [span, setSpan] = useState<Window>(7);
  const [reloads, setReloads] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const report = (err: unknown) => {
    if (err instanceof ApiFailure && err.status === 401) onLogout('The admin token is no longer accepted; log in again.');
    else setError(err instanceof Error ? err.message : String(err));
  };

  useEffect(() => {
    api.sites().then((list) => {
      setSites(list);
      setSite((current) => current ?? list[0]?.id ?? null);
    }, report);
  }, [api]);

  useEffect(() => {
    if (!site) return;
    let stale = false;
    setError(null);
    loadSiteData(api, site).then((d) => !stale && setData(d), (err: unknown) => !stale && report(err));
    return () => {
      stale = true;
    };
  }, [api, site, reloads]);

  return (
    <div class="page">
      <header class="topbar">
        <h1>Shoploop</h1>
        {sites && site && <SitePicker sites={sites} value={site} onChange={(id) => (setData(null), setSite(id))} />}
        <span class="spacer" />
        <button type="button" class="secondary" onClick={() => setReloads((n) => n + 1)}>
          Refresh
        </button>
        <button type="button" class="secondary" onClick={() => onLogout(null)}>
          Log out
        </button>
      </header>
      {error && <p class="error banner" role="alert">{error}</p>}
      {sites?.length === 0 && <p class="card">No site yet. Create one with <code>npm run shoploop -- site create --name NAME --origin URL</code>.</p>}
      {site && data && (
        <main>
          <StageCards counts={data.funnel.stages} />
          <div class="columns">
            <DailyChart data={data.daily} />
            <TransitionsTable byWindow={{ 7: data.transitions7, 30: data.funnel.transitions }} window={span} onWindow={setSpan} />
          </div>
          <SettingsForm api={api} site={site} stored={data.settings.lifecycle} onError={report} onSaved={() => setReloads((n) => n + 1)} />
        </main>
      )}
      {site && !data && !error && <p class="hint">Loading…</p>}
    </div>
  );
}
