import { Await, Page } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { SettingsForm } from '../../settings/settings-form.tsx';
import type { PageProps } from '../page-props.ts';
import { CampaignForm } from './campaign-form.tsx';
import { CatalogForm } from './catalog-form.tsx';
import { ContactForm } from './contact-form.tsx';
import { ReviewsForm } from './reviews-form.tsx';
import { SitesSection } from './sites-section.tsx';
import type { AllSettings } from './types.ts';
import './settings.css';

/**
 * Every setting of the chosen site: install texts, lifecycle thresholds (with the live stage preview), the contact
 * policy, each campaign with its rendered message, reviews, the catalog. Each part saves on its own.
 */
export function SettingsPage({ api, site, sites }: PageProps) {
  const settings = useLoad(() => api.get<AllSettings>(`/sites/${encodeURIComponent(site)}/settings`), [api, site]);
  // a save answers with every section as stored: shown as it is, not asked for again
  const saved = settings.set;
  return (
    <Page name="settings" title="Settings">
      <SitesSection api={api} site={site} sites={sites} />
      <Await state={settings}>
        {(s) => (
          <>
            <SettingsForm api={api} site={site} stored={s.lifecycle} onSaved={saved} />
            <ContactForm api={api} site={site} stored={s.contact} onSaved={saved} />
            <CampaignForm api={api} site={site} stored={s.campaigns} onSaved={saved} />
            <ReviewsForm api={api} site={site} stored={s.reviews} onSaved={saved} />
            <CatalogForm api={api} site={site} stored={s.catalog} onSaved={saved} />
          </>
        )}
      </Await>
    </Page>
  );
}
