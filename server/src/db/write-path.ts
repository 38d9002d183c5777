import type { Client, InStatement } from '@libsql/client';
import Database from 'libsql';

/** Runs statements in one write transaction and returns each one's rowsAffected. */
export interface WritePath {
  run(statements: InStatement[]): Promise<number[]>;
  /** as `run`, with each statement's last inserted rowid too (the event writer learns its events' seqs) */
  runWithRowids(statements: InStatement[]): Promise<StatementOutcome[]>;
  close(): void;
}

export interface StatementOutcome {
  changes: number;
  lastRowid: number;
}

/** Through @libsql/client: what a remote libSQL server gets (one round trip per transaction). */
export function clientWritePath(client: Client): WritePath {
  const runWithRowids = async (statements: InStatement[]): Promise<StatementOutcome[]> =>
    (await client.batch(statements, 'write')).map((r) => ({ changes: r.rowsAffected, lastRowid: Number(r.lastInsertRowid ?? 0) }));
  return {
    run: async (statements) => (await runWithRowids(statements)).map((o) => o.changes),
    runWithRowids,
    close: () => undefined,
  };
}

const MAX_CACHED_STATEMENTS = 256;

/**
 * For a local file: a native libSQL connection of its own with prepared statements cached by SQL text. The
 * client re-prepares every statement it runs, which cost the collector a third of its time; prepared once, the
 * writer's multi-row inserts of fixed sizes run about 1.2× faster than the client's best multi-row insert
 * (docs/benchmarks.md). Statements run synchronously, so nothing interleaves with the client's connection in
 * this process; other processes wait on busy_timeout.
 */
export function nativeFileWritePath(path: string): WritePath {
  const db = new Database(path);
  db.exec('PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;');
  type Prepared = { run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint } };
  const cache = new Map<string, Prepared>();
  const prepared = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
      stmt = db.prepare(sql) as unknown as Prepared;
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const runAll = (statements: InStatement[]): StatementOutcome[] => {
    begin.run();
    try {
      const outcomes = statements.map((s) => {
        const r = typeof s === 'string' ? prepared(s).run() : prepared(s.sql).run(...(Array.isArray(s.args) ? s.args : []));
        return { changes: r.changes, lastRowid: Number(r.lastInsertRowid) };
      });
      commit.run();
      return outcomes;
    } catch (error) {
      if (db.inTransaction) rollback.run();
      throw error;
    }
  };
  return {
    run: async (statements) => runAll(statements).map((o) => o.changes),
    runWithRowids: async (statements) => runAll(statements),
    close: () => db.close(),
  };
}
