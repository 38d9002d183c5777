import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the server is started from there, as `npm run serve` starts it. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const ADMIN_TOKEN = 'faults-admin-token';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** what the process printed, stdout and stderr together (for a failing test's message) */
  output(): string;
  /** SIGKILL: no handler runs, nothing is flushed, as when the machine's OOM killer or a power cut ends it */
  kill9(): Promise<void>;
  /** SIGTERM: the server's own shutdown (stops timers, flushes the writer) */
  stop(): Promise<void>;
}

/**
 * `server/src/main.ts` in a process of its own on `port`, with a real libSQL file. Resolves once it listens.
 * The environment is the server's documented configuration (README "Configuration").
 */
export async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, SHOPLOOP_PORT: String(port), SHOPLOOP_HOST: '127.0.0.1', SHOPLOOP_ADMIN_TOKEN: ADMIN_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));

  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within 60 s:\n${printed}`)), 60_000);
    const check = () => {
      if (printed.includes('Shoploop listening')) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        ready();
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      fail(new Error(`server exited (${child.exitCode ?? child.signalCode}) before listening:\n${printed}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => printed,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
