import type { PageProps } from '../page-props.ts';
import { Page } from '../../ui/parts.tsx';

/** Placeholder: UI-B fills this page (issue 10). */
export function ReviewsPage(_props: PageProps) {
  return (
    <Page name="reviews" title="Reviews">
      <p class="hint">Coming soon.</p>
    </Page>
  );
}
