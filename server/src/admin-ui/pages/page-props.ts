import type { Api } from '../api/client.ts';
import type { Site } from '../api/types.ts';

/** What the shell gives every page. */
export interface PageProps {
  api: Api;
  /** the chosen site's id (every report takes it as `?site=`) */
  site: string;
  sites: Site[];
  /** the API's half-open period, `{ from?, to? }` as ISO dates; spread it into a report's query. Empty: the server's last 30 days */
  period: { from?: string; to?: string };
  /** path segments after the page name: `#/people/<profileId>` → [profileId] */
  params: string[];
}
