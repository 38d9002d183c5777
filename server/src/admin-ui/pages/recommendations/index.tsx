import type { PageProps } from '../page-props.ts';
import { Page } from '../../ui/parts.tsx';

/** Placeholder: UI-B fills this page (issue 10). */
export function RecommendationsPage(_props: PageProps) {
  return (
    <Page name="recommendations" title="Recommendations">
      <p class="hint">Coming soon.</p>
    </Page>
  );
}
