import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { limits } from '../../collect/vocabulary.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { parseQuery } from '../../http/parse-json-body.ts';
import { eraseCustomer } from '../../lifecycle/erase-customer.ts';
import { eraseVisitor } from '../../lifecycle/erase-visitor.ts';
import { parseProfileId } from '../../lifecycle/profile-ids.ts';
import { chooseSite } from '../../lifecycle/read/site-choice.ts';
import { siteRef } from '../../routes/admin-query.ts';
import { personTimeline, resolvePerson } from './person-timeline.ts';
import { searchPeople } from './search-people.ts';

const searchQuery = z.strictObject({ site: siteRef.optional(), q: z.string().trim().min(1).max(limits.shortText) });
/** `?site=` and nothing else (routes/admin-query.ts siteQuery reads `site` and ignores the rest) */
const siteOnlyQuery = z.strictObject({ site: siteRef.optional() });
/** `c:<customer id>` (as identify sent it) or `v:<visitor id>` (as the tracker made it) */
const profileIdParam = z.union([z.string().regex(/^c:[^\u0000-\u001f]+$/).max(2 + limits.shortText), z.string().regex(/^v:[\w.:-]+$/).max(2 + limits.idLength)]);

function profileIdOf(c: Context): string {
  const parsed = profileIdParam.safeParse(c.req.param('profileId'));
  if (!parsed.success) throw badRequest('invalid profile id: c:<customer id> or v:<visitor id>');
  return parsed.data;
}

/** The People page: find a person, read their timeline, erase them. Mounted under /admin/api behind the admin check. */
export function adminPeopleRoutes({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return (
    new Hono()
      // GET /admin/api/people?q=&site= — visitors and customers whose id starts with q, at most 50
      .get('/people', async (c) => {
        const q = parseQuery(c, searchQuery);
        const site = await chooseSite(db, q.site);
        return c.json({ people: await searchPeople(db, site.id, q.q) });
      })
      // GET /admin/api/people/:profileId?site= — the person and their timeline, newest first
      .get('/people/:profileId', async (c) => {
        const profileId = profileIdOf(c);
        const site = await chooseSite(db, parseQuery(c, siteOnlyQuery).site);
        const timeline = await personTimeline(db, site.id, profileId, clock.now());
        if (!timeline) throw notFound(`no person "${profileId}" on site ${site.id}`);
        return c.json(timeline);
      })
      // DELETE /admin/api/people/:profileId?site= — erase a customer (every device) or a lone visitor (audited by hash)
      .delete('/people/:profileId', async (c) => {
        const profileId = profileIdOf(c);
        const site = await chooseSite(db, parseQuery(c, siteOnlyQuery).site);
        const found = await resolvePerson(db, site.id, profileId);
        if (!found) throw notFound(`no person "${profileId}" on site ${site.id}`);
        if (found.profileId !== profileId) throw conflict(`${profileId} is a device of ${found.profileId}: erase ${found.profileId}`);
        const { kind, id } = parseProfileId(profileId);
        const erased = kind === 'customer' ? await eraseCustomer(db, site.id, id, clock.now()) : await eraseVisitor(db, site.id, id, clock.now());
        return c.json({ erased });
      })
  );
}
