import { Page, Await } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import type { SiteSettings } from '../../api/types.ts';
import { SettingsForm } from '../../settings/settings-form.tsx';
import type { PageProps } from '../page-props.ts';

/** Settings. Starting point for UI-B: the lifecycle thresholds with their live preview are here already. */
export function SettingsPage({ api, site }: PageProps) {
  const settings = useLoad(() => api.get<SiteSettings>(`/sites/${encodeURIComponent(site)}/settings`), [api, site]);
  return (
    <Page name="settings" title="Settings">
      <Await state={settings}>{(s) => <SettingsForm api={api} site={site} stored={s.lifecycle} onSaved={settings.reload} />}</Await>
    </Page>
  );
}
