import { eq } from 'drizzle-orm';
import { sites } from '../db/schema/sites.ts';
import { normalizeOrigin } from '../sites/origins.ts';
import { createSite, findSite, listSites, serviceWorkerLine, snippetFor } from '../sites/sites.ts';
import { publicServerUrl, siteSnippet, snippetText } from '../sites/snippet.ts';
import { loadConfig } from '../config.ts';
import { checkPushSubject, setPushSubject } from '../push/keys/site-push-keys.ts';
import { checkShopifySecret, setShopifySecret } from '../integrations/shopify/webhook-secret.ts';
import { CliError, flag, parseArgs } from './args.ts';
import { dbFromEnv } from './db-from-env.ts';

const usage = `usage:
  npm run shoploop -- site create --name "My shop" --origin https://shop.example [--origin ...] [--push-contact mailto:you@shop.example] [--server-url URL]
  npm run shoploop -- site list
  npm run shoploop -- site add-origin SITE_ID https://other.example
  npm run shoploop -- site snippet SITE_ID [--server-url URL]
  npm run shoploop -- site push-contact SITE_ID mailto:you@shop.example
  npm run shoploop -- site shopify-secret SITE_ID SECRET   (the key Shopify signs order webhooks with)`;

const queueStub = `<script>window.shoploop=window.shoploop||function(){(shoploop.q=shoploop.q||[]).push(arguments)}</script>`;

export async function siteCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest);
  const serverUrl = flag(args, 'server-url') ?? publicServerUrl(process.env, loadConfig().port);
  const db = await dbFromEnv();
  try {
    switch (sub) {
      case 'create': {
        const name = flag(args, 'name');
        const origins = args.flags.get('origin') ?? [];
        if (!name) throw new CliError(`--name is required\n${usage}`);
        if (origins.length === 0) throw new CliError(`at least one --origin is required\n${usage}`);
        let site;
        try {
          const pushSubject = flag(args, 'push-contact');
          const problem = pushSubject === undefined ? null : checkPushSubject(pushSubject);
          if (problem) throw new Error(`--push-contact ${problem}`);
          site = await createSite(db, { name, origins, ...(pushSubject ? { pushSubject } : {}) }, Date.now());
        } catch (e) {
          throw new CliError((e as Error).message);
        }
        console.log(`Created site ${site.id} "${site.name}" for ${site.allowedOrigins.join(', ')}\n`);
        console.log(`Paste this into every page of the shop, just before </head>:\n\n  ${snippetFor(site, serverUrl)}\n`);
        console.log(`If your own code calls shoploop(...) before the script has loaded, put this line above it:\n\n  ${queueStub}\n`);
        console.log(`For web push, serve this one line as /shoploop-sw.js at the root of the shop:\n\n  ${serviceWorkerLine(serverUrl)}\n`);
        if (!flag(args, 'push-contact')) console.log(`Push stays off until the shop has a contact: npm run shoploop -- site push-contact ${site.id} mailto:you@shop.example\n`);
        return;
      }
      case 'list': {
        const all = await listSites(db);
        if (all.length === 0) console.log('no sites yet: npm run shoploop -- site create --name "My shop" --origin https://shop.example');
        for (const s of all) console.log(`${s.id}\t${s.publicKey}\t${s.name}\t${s.allowedOrigins.join(' ')}`);
        return;
      }
      case 'add-origin': {
        const [id, origin] = args.positionals;
        if (!id || !origin) throw new CliError(usage);
        const site = await findSite(db, id);
        if (!site) throw new CliError(`no site "${id}" (npm run shoploop -- site list)`);
        let normalized: string;
        try {
          normalized = normalizeOrigin(origin);
        } catch (e) {
          throw new CliError((e as Error).message);
        }
        const allowed = [...new Set([...site.allowedOrigins, normalized])];
        await db.orm.update(sites).set({ allowedOrigins: allowed }).where(eq(sites.id, site.id));
        console.log(`${site.id} now accepts events from ${allowed.join(', ')}`);
        return;
      }
      case 'snippet': {
        const [id] = args.positionals;
        const site = id ? await findSite(db, id) : undefined;
        if (!site) throw new CliError(`no site "${id ?? ''}" (npm run shoploop -- site list)`);
        console.log(snippetText(siteSnippet(site, serverUrl)));
        return;
      }
      case 'push-contact': {
        const [id, subject] = args.positionals;
        if (!id || !subject) throw new CliError(usage);
        const site = await findSite(db, id);
        if (!site) throw new CliError(`no site "${id}" (npm run shoploop -- site list)`);
        const problem = checkPushSubject(subject);
        if (problem) throw new CliError(`the push contact ${problem}`);
        await setPushSubject(db, site.id, subject);
        console.log(`${site.id} sends web push as ${subject}`);
        return;
      }
      case 'shopify-secret': {
        const [id, secret] = args.positionals;
        if (!id || !secret) throw new CliError(usage);
        const site = await findSite(db, id);
        if (!site) throw new CliError(`no site "${id}" (npm run shoploop -- site list)`);
        const problem = checkShopifySecret(secret);
        if (problem) throw new CliError(`the Shopify webhook secret ${problem}`);
        await setShopifySecret(db, site.id, secret, Date.now());
        console.log(`${site.id} takes Shopify order webhooks signed with that secret at\n  ${serverUrl.replace(/\/+$/, '')}/integrations/shopify/orders?site=${site.id}`);
        return;
      }
      default:
        throw new CliError(sub ? `unknown command "site ${sub}"\n${usage}` : usage);
    }
  } finally {
    db.close();
  }
}
