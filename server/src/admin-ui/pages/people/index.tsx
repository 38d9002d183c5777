import type { PageProps } from '../page-props.ts';
import { Page } from '../../ui/parts.tsx';

export function PeoplePage(_props: PageProps) {
  return (
    <Page name="people" title="People">
      <p class="hint">Coming soon.</p>
    </Page>
  );
}
