import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb } from '../../db/client.ts';
import { tempFile } from './testing/feed-text.ts';

// End to end through `npx tsx server/src/cli/index.ts`, as a shop owner runs it (npm run shoploop -- ...).
const repoRoot = new URL('../../../../', import.meta.url).pathname;
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function shoploop(dbUrl: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/src/cli/index.ts', ...args], { cwd: repoRoot, env: { ...process.env, SHOPLOOP_DB_URL: dbUrl } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A database file with one site in it, made by the CLI itself. */
async function dbWithSite(): Promise<{ dbUrl: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-cli-'));
  dirs.push(dir);
  const dbUrl = `file:${join(dir, 'shop.db')}`;
  const created = await shoploop(dbUrl, 'site', 'create', '--name', 'X', '--origin', 'https://x.example');
  expect(created.code).toBe(0);
  return { dbUrl, dir };
}

describe('npm run shoploop -- catalog import', { timeout: 120_000 }, () => {
  test('imports a CSV, reports rejected rows, writes them all with --rejects, and a second run finds nothing changed', async () => {
    const { dbUrl, dir } = await dbWithSite();
    const rejects = join(dir, 'rejects.csv');
    const first = await shoploop(dbUrl, 'catalog', 'import', fixture('products.csv'), '--rejects', rejects);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/rows read\s+3\n\s+created\s+2\n\s+updated\s+0\n\s+unchanged\s+0\n\s+rejected\s+1\n/);
    expect(first.stdout).toContain('Rejected rows (1):\n  line 4  CUP-3: Price: "-1" is negative; a price is 0 or more');
    expect(first.stderr).toMatch(/Importing .*products\.csv into site site_\w+ \(X\)/);
    expect(readFileSync(rejects, 'utf8')).toBe('row,line,item_id,reason\n3,4,CUP-3,"Price: ""-1"" is negative; a price is 0 or more"\n');

    const second = await shoploop(dbUrl, 'catalog', 'import', fixture('products.csv'));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/created\s+0\n\s+updated\s+0\n\s+unchanged\s+2\n/);
    expect(second.stdout).toMatch(/field changes\s+0/);
  });

  test('--base-url resolves relative links of a JSON feed', async () => {
    const { dbUrl } = await dbWithSite();
    const run = await shoploop(dbUrl, 'catalog', 'import', fixture('products.json'), '--base-url', 'http://localhost:8080');
    expect(run.code).toBe(0);
    const db = await openDb(dbUrl);
    try {
      const row = (await db.client.execute("SELECT url, image FROM products WHERE item_id = 'BAG-1'")).rows[0];
      expect({ ...row }).toEqual({ url: 'http://localhost:8080/product/BAG-1', image: 'http://localhost:8080/images/BAG-1.svg' });
    } finally {
      db.close();
    }
  });

  test('exit code 1 when every row is rejected, or the file cannot be read', async () => {
    const { dbUrl } = await dbWithSite();
    const allBad = await shoploop(dbUrl, 'catalog', 'import', tempFile('bad.jsonl', '{"title":"no id"}\n{"id":"A","price":"lots"}\n'));
    expect(allBad.code).toBe(1);
    expect(allBad.stdout).toMatch(/rejected\s+2/);
    expect(allBad.stderr).toContain('nothing imported: every row was rejected');

    const cut = await shoploop(dbUrl, 'catalog', 'import', tempFile('cut.xml', '<rss><channel>\n<item><g:id>A</g:id><title>Mug</title></item>\n<item><g:id>B'));
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/created\s+1\n/);
    expect(cut.stdout).toContain('Stopped part way: the products counted above are in the catalog.');
    expect(cut.stderr).toContain('catalog import failed: line 3: the file ends inside the <item> that starts here');

    const missing = await shoploop(dbUrl, 'catalog', 'import', '/nonexistent/feed.xml');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/catalog import failed: cannot read \/nonexistent\/feed.xml/);
  });

  test('with several sites, --site is required and the error lists them', async () => {
    const { dbUrl } = await dbWithSite();
    expect((await shoploop(dbUrl, 'site', 'create', '--name', 'Second', '--origin', 'https://two.example')).code).toBe(0);
    const run = await shoploop(dbUrl, 'catalog', 'import', fixture('products.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/there are 2 sites, choose one with --site:\n\s+site_\w+\s+X\n\s+site_\w+\s+Second/);
    const siteId = /(site_\w+)\s+Second/.exec(run.stderr)![1]!;
    const chosen = await shoploop(dbUrl, 'catalog', 'import', fixture('products.csv'), '--site', siteId);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain(`into site ${siteId}`);
  });
});

describe('npm run shoploop -- with a command it does not know', { timeout: 60_000 }, () => {
  test('names the command it did not recognise, then shows the usage, and fails', async () => {
    const { dbUrl } = await dbWithSite();
    for (const [args, named] of [[['sites'], 'unknown command "sites"'], [['site', 'frobnicate'], 'unknown command "site frobnicate"'], [['catalog', 'export'], 'unknown command "catalog export"']] as const) {
      const run = await shoploop(dbUrl, ...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toContain(named);
      expect(run.stderr).toContain('npm run shoploop --'); // and how to call it
    }
    const help = await shoploop(dbUrl, 'help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('catalog import FILE [--site ID] [--format json|jsonl|csv|xml] [--base-url URL] [--rejects FILE]');
  });
});
