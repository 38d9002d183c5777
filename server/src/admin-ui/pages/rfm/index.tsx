import type { PageProps } from '../page-props.ts';
import { Page } from '../../ui/parts.tsx';

export function RfmPage(_props: PageProps) {
  return (
    <Page name="rfm" title="Rfm">
      <p class="hint">Coming soon.</p>
    </Page>
  );
}
