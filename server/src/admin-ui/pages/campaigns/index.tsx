import type { PageProps } from '../page-props.ts';
import { Page } from '../../ui/parts.tsx';

/** Placeholder: UI-B fills this page (issue 10). */
export function CampaignsPage(_props: PageProps) {
  return (
    <Page name="campaigns" title="Campaigns">
      <p class="hint">Coming soon.</p>
    </Page>
  );
}
