import type { PageProps } from '../page-props.ts';
import { Page } from '../../ui/parts.tsx';

export function CohortsPage(_props: PageProps) {
  return (
    <Page name="cohorts" title="Cohorts">
      <p class="hint">Coming soon.</p>
    </Page>
  );
}
