import { resetAdminToken } from '../admin/admin-token.ts';
import { CliError } from './args.ts';
import { dbFromEnv } from './db-from-env.ts';
import { siteCommand } from './site.ts';

const usage = `Shoploop command line — npm run shoploop -- <command>

  migrate                                   apply database migrations (also done at every start)
  site create --name NAME --origin URL      create a site and print the script tag to paste
  site list | site add-origin ID URL | site snippet ID
  site shopify-secret ID SECRET             accept Shopify's order webhooks signed with SECRET
  catalog import FILE [--site ID] [--format json|jsonl|csv|xml] [--base-url URL] [--rejects FILE]
                                            import a product feed (JSON, CSV or Google Merchant XML)
  replay uci FILE [--keep-dates] [--site ID] replay a real shop's year of orders through the collector
  admin reset-token                         make a new admin token (the old one stops working at once)
  admin user add EMAIL [--password-stdin]   add an admin app account: asks for the password on a terminal,
                                            reads it from standard input with --password-stdin, or else
                                            prints a one-time set-password link (valid 24 h)
  admin user list | admin user remove EMAIL list accounts; remove one (its sessions end at once)

Environment: SHOPLOOP_DB_URL (default file:./data/shoploop.db), SHOPLOOP_DB_AUTH_TOKEN; SHOPLOOP_PUBLIC_URL
(or SHOPLOOP_PORT) for the links printed.`;

const commands: Record<string, (argv: string[]) => Promise<void>> = {
  async migrate() {
    const db = await dbFromEnv();
    db.close();
    console.log(`database is up to date (${db.url})`);
  },
  site: siteCommand,
  async catalog(argv) {
    const [sub, ...rest] = argv;
    if (sub !== 'import') throw new CliError(`unknown command "catalog ${sub ?? ''}"; usage: npm run shoploop -- catalog import FILE [--site ID] [--format F] [--base-url URL] [--rejects FILE]`);
    const { catalogImportCommand } = await import('./catalog-import.ts');
    await catalogImportCommand(rest);
  },
  async replay(argv) {
    const { replayCommand } = await import('./replay.ts');
    await replayCommand(argv);
  },
  async admin(argv) {
    if (argv[0] === 'user') {
      const { adminUserCommand } = await import('../admin/accounts/user-command.ts');
      const db = await dbFromEnv();
      try {
        await adminUserCommand(argv.slice(1), { db, stdin: process.stdin, stdout: process.stdout, env: process.env, now: Date.now });
      } finally {
        db.close();
      }
      return;
    }
    if (argv[0] !== 'reset-token') throw new CliError(`unknown command "admin ${argv[0] ?? ''}"; usage: npm run shoploop -- admin reset-token | admin user add|list|remove`);
    const db = await dbFromEnv();
    const { generated } = await resetAdminToken(db);
    db.close();
    console.log(`New admin token (shown once):\n  ${generated}\nUnless SHOPLOOP_ADMIN_TOKEN is set, every server instance uses it from now on.`);
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    if (!name || name === 'help' || name === '--help') {
      console.log(usage);
      return 0;
    }
    console.error(`unknown command "${name}"\n`);
    console.error(usage);
    return 1;
  }
  try {
    await command(rest);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
