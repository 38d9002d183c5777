import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';
import { backfillPushKeys } from '../push/keys/site-push-keys.ts';
import { backfillReviewSecrets } from '../reviews/keys/review-secret.ts';
import { clientWritePath, nativeFileWritePath, type WritePath } from './write-path.ts';

export type Database = LibSQLDatabase<typeof schema>;
export interface Db {
  /** drizzle over the client: schema, queries, migrations. */
  orm: Database;
  /** the raw libSQL client, for queries that bypass drizzle's builder. */
  client: Client;
  /** the event writer's path: native prepared statements on a local file, the client elsewhere */
  write: WritePath;
  url: string;
  close(): void;
}

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Pragmas a local file needs; checked after setting because a pragma binds to one connection only. */
const FILE_PRAGMAS: Array<[string, string, string | number]> = [
  ['journal_mode', 'WAL', 'wal'],
  ['synchronous', 'NORMAL', 1],
  ['foreign_keys', 'ON', 1],
  ['busy_timeout', '5000', 5000],
];

export async function openDb(url: string, authToken?: string): Promise<Db> {
  const isFile = url.startsWith('file:');
  if (isFile) {
    const path = url.slice('file:'.length).split('?')[0] ?? '';
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  // One connection for a local file: @libsql/client pools connections and a PRAGMA binds to only one of
  // them (see ../shared/perf-notes.md). All work in one Node thread is serial anyway, so nothing is lost.
  const client = createClient(isFile ? { url, concurrency: 1 } : { url, authToken });
  if (isFile) {
    for (const [name, value, expected] of FILE_PRAGMAS) {
      await client.execute(`PRAGMA ${name}=${value}`);
      const row = (await client.execute(`PRAGMA ${name}`)).rows[0];
      const actual = row ? Object.values(row)[0] : undefined;
      const inMemory = url.includes(':memory:');
      if (String(actual).toLowerCase() !== String(expected) && !(inMemory && name === 'journal_mode')) {
        throw new Error(`database: PRAGMA ${name} is ${String(actual)}, expected ${expected}`);
      }
    }
  }
  if (isFile) recycleAfterBusy(client, FILE_PRAGMAS);
  const orm = drizzle(client, { schema });
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  const write = isFile && path && path !== ':memory:' ? nativeFileWritePath(path) : clientWritePath(client);
  return {
    orm,
    client,
    write,
    url,
    close: () => {
      write.close();
      client.close();
    },
  };
}

export async function migrateDb(db: Db): Promise<void> {
  await migrate(db.orm, { migrationsFolder });
  await backfillPushKeys(db, Date.now()); // 0003's data half: key pairs for the sites made before it
  await backfillReviewSecrets(db, Date.now()); // the reviews migration's data half: token secrets for the sites made before it
}

/** Opens and migrates: what the server, the CLI and every test start from. */
export async function openMigratedDb(url: string, authToken?: string): Promise<Db> {
  const db = await openDb(url, authToken);
  await migrateDb(db);
  return db;
}

/**
 * libsql-js leaves a statement that failed with SQLITE_BUSY inside `all()` (an `UPDATE … RETURNING` claim while
 * another process holds the write lock) un-reset until it is garbage-collected; the next write on the same
 * connection then keeps its transaction, and the write lock, open until then, and every other connection fails
 * with "database is locked" long after the lock was released (faults/database-outage.test.ts). After a busy
 * error the client's connection is therefore replaced by a fresh one with the same pragmas.
 */
function recycleAfterBusy(client: Client, pragmas: Array<[string, string, string | number]>): void {
  const execute = client.execute.bind(client);
  let recycling: Promise<void> | null = null;
  const recycle = () =>
    (recycling ??= (async () => {
      await client.reconnect();
      for (const [name, value] of pragmas) await execute(`PRAGMA ${name}=${value}`);
    })().finally(() => (recycling = null)));
  client.execute = (async (...args: Parameters<Client['execute']>) => {
    try {
      return await execute(...args);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') await recycle().catch(() => undefined);
      throw error;
    }
  }) as Client['execute'];
}