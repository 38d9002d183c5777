import type { PageProps } from '../page-props.ts';
import { Page } from '../../ui/parts.tsx';

export function OverTimePage(_props: PageProps) {
  return (
    <Page name="over-time" title="OverTime">
      <p class="hint">Coming soon.</p>
    </Page>
  );
}
