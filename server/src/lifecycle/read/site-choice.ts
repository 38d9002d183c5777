import type { Db } from '../../db/client.ts';
import type { Site } from '../../db/schema/sites.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { findSite, listSites } from '../../sites/sites.ts';

/** The site a request means: the one named (id or public key), or the only one when none is named. */
export async function chooseSite(db: Db, idOrKey: string | undefined): Promise<Site> {
  if (idOrKey) {
    const site = await findSite(db, idOrKey);
    if (!site) throw notFound(`no site "${idOrKey}"`);
    return site;
  }
  const sites = await listSites(db);
  if (sites.length === 1) return sites[0]!;
  throw badRequest(
    sites.length === 0
      ? 'no site exists yet; create one with "npm run shoploop -- site create"'
      : `${sites.length} sites exist; pass site=SITE_ID_OR_PUBLIC_KEY to choose one`,
  );
}
