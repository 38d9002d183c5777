import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client.ts';

const known = new Map<string, string>();

/**
 * The site's currency for a page whose answer carries none (a person's timeline): every report names it; the RFM
 * report is the cheapest to ask (a read of its daily rollup). Remembered per site for the tab's life.
 */
export function useSiteCurrency(api: Api, site: string): string {
  const [currency, setCurrency] = useState(known.get(site) ?? 'EUR');
  useEffect(() => {
    if (known.has(site)) return setCurrency(known.get(site)!);
    let stale = false;
    api.get<{ currency: string }>('/reports/rfm', { site }).then(
      (r) => {
        known.set(site, r.currency);
        if (!stale) setCurrency(r.currency);
      },
      () => {}, // formatted in EUR rather than not shown
    );
    return () => {
      stale = true;
    };
  }, [api, site]);
  return currency;
}
