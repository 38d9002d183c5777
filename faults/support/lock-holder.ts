import { spawn } from 'node:child_process';
import { repoRoot } from './server-process.ts';

/**
 * Another process holding the database's write lock: its own libSQL connection runs `BEGIN EXCLUSIVE` and keeps
 * the transaction open until released (as a long migration, a backup tool or a stuck admin shell would). In WAL
 * mode readers carry on; every writer waits its busy_timeout and then fails with SQLITE_BUSY.
 */
export async function holdWriteLock(path: string): Promise<{ release(): Promise<void> }> {
  const script = `
    const Database = require('libsql');
    const db = new Database(process.argv[1], { timeout: 30000 });
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('locked\\n');
    process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
    process.stdin.resume();`;
  const child = spawn(process.execPath, ['-e', script, path], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before locking`)));
  });
  return {
    release: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await exited;
    },
  };
}
