import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'libsql';

export interface WriteLockProbe {
  /** null when this process could take the database's write lock now; else why not */
  check(): Promise<string | null>;
  close(): void;
}

const TRIES = 5;
const PAUSE_MS = 100;

/**
 * Whether the write lock of a local database file can be taken, asked without waiting on the event loop: its own
 * connection with busy_timeout 0 tries `BEGIN IMMEDIATE` (and rolls back at once), a few times 100 ms apart, so an
 * ordinary write of another instance does not count but a lock held for half a second does. Reads of a WAL file
 * still succeed while another connection holds the lock, so `SELECT 1` alone would call a locked database healthy.
 * Null for a remote libSQL server (its own health is its operator's) and for `:memory:`.
 */
export function writeLockProbe(dbUrl: string): WriteLockProbe | null {
  const path = dbUrl.startsWith('file:') ? (dbUrl.slice('file:'.length).split('?')[0] ?? '') : '';
  if (!path || path === ':memory:') return null;
  let connection: InstanceType<typeof Database> | null = null;
  return {
    async check() {
      let problem = 'unknown';
      for (let i = 0; i < TRIES; i++) {
        try {
          connection ??= new Database(path, { timeout: 0, fileMustExist: true });
          connection.exec('BEGIN IMMEDIATE');
          connection.exec('ROLLBACK');
          return null;
        } catch (error) {
          problem = error instanceof Error ? error.message : String(error);
          if (connection?.inTransaction) connection.exec('ROLLBACK');
        }
        if (i < TRIES - 1) await sleep(PAUSE_MS);
      }
      return `the write lock could not be taken for ${((TRIES - 1) * PAUSE_MS) / 1000} s: ${problem}`;
    },
    close() {
      connection?.close();
      connection = null;
    },
  };
}
