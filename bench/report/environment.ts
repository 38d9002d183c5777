import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';

const PACKAGES = ['@libsql/client', 'libsql', 'drizzle-orm', 'hono', '@hono/node-server', 'web-push', 'preact', 'vite'];

const versionOf = (name: string) => {
  try {
    return (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
};

const commit = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

/** Date, machine and versions: what a reader needs to compare one run's figures with another's. */
export function benchEnvironment(now = new Date()): string {
  const cpu = cpus();
  return [
    `Run ${now.toISOString().replace(/\.\d+Z$/, 'Z')} at commit ${commit()}`,
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}`,
    `Node ${process.version}; ${PACKAGES.map((p) => `${p} ${versionOf(p)}`).join(', ')}`,
  ].join('\n');
}
