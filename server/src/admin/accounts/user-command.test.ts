import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { ManualClock } from '../../clock.ts';
import { openMigratedDb, type Db } from '../../db/client.ts';
import { freshDb } from '../../../test/helpers.ts';
import { fakeTerminal } from '../../../test/fake-terminal.ts';
import { browser, dbFileUrl, shoploopCli } from './testing.ts';
import { adminUserCommand } from './user-command.ts';
import { listUsers } from './users.ts';

const PASSWORD = 'a long enough passphrase';

/** The admin app over the same database file, as a running server would be. */
async function serverOn(dbUrl: string, clock = new ManualClock(Date.now())) {
  const db = await openMigratedDb(dbUrl);
  const shoploop = createApp({ db, clock, adminTokenHash: 'unused' });
  const setPassword = (token: string, password: string) =>
    shoploop.app.request('/admin/auth/set-password', { method: 'POST', body: JSON.stringify({ token, password }) });
  return { ...browser(shoploop.app), app: shoploop.app, clock, setPassword, close: async () => (await shoploop.close(), db.close()) };
}

// each process starts tsx: seconds apiece on a busy machine
describe('npm run shoploop -- admin user … (real processes)', { timeout: 120_000 }, () => {
  test('add --password-stdin, list, and remove ends the user\'s sessions at once on a running server', async () => {
    const dbUrl = dbFileUrl();
    const added = await shoploopCli(dbUrl, ['admin', 'user', 'add', 'Ana@Shop.Example', '--password-stdin'], { stdin: `${PASSWORD}\n`, env: { SHOPLOOP_PUBLIC_URL: 'https://loop.example/' } });
    expect(added).toMatchObject({ code: 0, stdout: 'Added admin user ana@shop.example. Log in at https://loop.example/admin\n' });

    const server = await serverOn(dbUrl);
    try {
      const { cookie } = await server.session('ana@shop.example', PASSWORD);
      expect((await server.app.request('/admin/api/sites', { headers: { cookie } })).status).toBe(200);

      const listed = await shoploopCli(dbUrl, ['admin', 'user', 'list']);
      expect(listed.stdout).toMatch(/^ana@shop\.example {2}added \d{4}-\d\d-\d\d {2}password set, 1 open session\n$/);

      const removed = await shoploopCli(dbUrl, ['admin', 'user', 'remove', 'ana@shop.example']);
      expect(removed).toMatchObject({ code: 0, stdout: 'Removed admin user ana@shop.example; 1 session ended.\n' });
      expect((await server.app.request('/admin/api/sites', { headers: { cookie } })).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  test('without a terminal or the flag it prints a one-time set-password link', async () => {
    const dbUrl = dbFileUrl();
    const added = await shoploopCli(dbUrl, ['admin', 'user', 'add', 'bo@shop.example'], { env: { SHOPLOOP_PUBLIC_URL: '', SHOPLOOP_PORT: '9123' } });
    expect(added.code).toBe(0);
    const token = /\n {2}http:\/\/localhost:9123\/admin#\/set-password\/(slsp_[0-9a-z]{32})\n$/.exec(added.stdout)?.[1];
    expect(token, added.stdout).toBeDefined();

    const server = await serverOn(dbUrl);
    try {
      expect((await server.login('bo@shop.example', PASSWORD)).status).toBe(401); // no password yet
      expect((await server.setPassword(token!, 'short')).status).toBe(400); // a weak one does not spend the link
      const set = await server.setPassword(token!, PASSWORD);
      expect(set.status).toBe(200);
      expect(await set.json()).toEqual({ user: { email: 'bo@shop.example' } });
      expect((await server.setPassword(token!, 'another long passphrase')).status).toBe(400); // once only
      expect((await server.login('bo@shop.example', PASSWORD)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test('an error is one clear line on stderr with exit code 1', async () => {
    const dbUrl = dbFileUrl();
    const run = await shoploopCli(dbUrl, ['admin', 'user', 'add', 'not-an-email', '--password-stdin'], { stdin: PASSWORD });
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: 'not a valid email address\n' });
  });
});

describe('adminUserCommand (in process)', () => {
  /** A terminal's stdin: raw mode switched on while a password is typed, and the keys the test types. */
  function typingTerminal(...lines: string[]) {
    const input = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(raw: boolean) { input.rawModes.push(raw); } });
    let next = 0;
    input.on('resume', () => setImmediate(() => next < lines.length && input.write(lines[next++]!)));
    return input;
  }
  const run = (db: Db, argv: string[], stdin: PassThrough & { isTTY?: boolean }, now = Date.now()) => {
    const out = fakeTerminal(true);
    return adminUserCommand(argv, { db, stdin, stdout: out.stream, env: {}, now: () => now }).then(() => out.output());
  };

  test('on a terminal it asks twice without echo (Backspace edits) and stores the password', async () => {
    const db = await freshDb();
    const stdin = typingTerminal('a long enough passphrasX\u007fe\r', `${PASSWORD}\r`);
    const output = await run(db, ['add', 'cy@shop.example'], stdin);
    expect(output).toBe('Password (12 characters or more): \nAgain: \nAdded admin user cy@shop.example. Log in at http://localhost:8787/admin\n');
    expect(output).not.toContain('passphras');
    expect(stdin.rawModes).toEqual([true, false, true, false]);
    expect(await listUsers(db)).toMatchObject([{ email: 'cy@shop.example', passwordSet: true }]);
  });

  test('clear errors; nothing stored', async () => {
    const db = await freshDb();
    const piped = (text?: string) => {
      const stdin = Object.assign(new PassThrough(), { isTTY: false });
      stdin.end(text);
      return stdin;
    };
    const cases: Array<[string[], string | undefined, string]> = [
      [['add', 'not-an-email', '--password-stdin'], PASSWORD, 'not a valid email address'],
      [['add', 'ana@shop.example', '--password-stdin'], 'short\n', 'the password needs at least 12 characters'],
      [['add', 'ana@shop.example', '--password-stdin'], 'abababababababab\n', 'too easy to guess'],
      [['add', 'ana@shop.example', '--password-stdin'], 'x'.repeat(1025), 'at most 1024 characters'],
      [['remove', 'nobody@shop.example'], undefined, 'no admin user nobody@shop.example'],
      [['add'], undefined, 'usage: npm run shoploop -- admin user add EMAIL'],
      [['list', '--password-stdin'], undefined, 'unknown option --password-stdin'],
      [['rename', 'ana@shop.example'], undefined, 'usage:'],
    ];
    for (const [argv, stdin, message] of cases) await expect(run(db, argv, piped(stdin)), argv.join(' ')).rejects.toThrow(message);
    expect(await listUsers(db)).toEqual([]);
    expect(await run(db, ['list'], piped())).toContain('No admin users yet');
    await run(db, ['add', 'ana@shop.example', '--password-stdin'], piped(PASSWORD));
    await expect(run(db, ['add', 'ANA@shop.example', '--password-stdin'], piped(PASSWORD))).rejects.toThrow('an admin user ana@shop.example exists already');
    expect(await listUsers(db)).toHaveLength(1);
  });

  test('two different passwords change nothing', async () => {
    const db = await freshDb();
    await expect(run(db, ['add', 'cy@shop.example'], typingTerminal(`${PASSWORD}\r`, 'something else entirely\r'))).rejects.toThrow('the two passwords differ');
    expect(await listUsers(db)).toEqual([]);
  });

  test('a set-password link expires after 24 hours', async () => {
    const dbUrl = dbFileUrl();
    const db = await openMigratedDb(dbUrl);
    const issuedAt = Date.UTC(2026, 10, 23, 12);
    const output = await run(db, ['add', 'dee@shop.example'], Object.assign(new PassThrough(), { isTTY: false }), issuedAt);
    db.close();
    const token = /set-password\/(slsp_\w+)/.exec(output)![1]!;
    const server = await serverOn(dbUrl, new ManualClock(issuedAt + 24 * 3_600_000));
    try {
      expect((await server.setPassword(token, PASSWORD)).status).toBe(400);
      expect((await server.login('dee@shop.example', PASSWORD)).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
