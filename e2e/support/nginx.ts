import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.ts';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** The README's "Serving Shoploop from the shop's own domain" nginx block, as written there (port 8787). */
export function readmeNginxBlock(readme = readFileSync(resolve('README.md'), 'utf8')): string {
  const section = readme.split(/^### Serving Shoploop from the shop's own domain$/m)[1];
  const block = section?.split(/^#{2,3} /m)[0]?.match(/```nginx\n([\s\S]*?)```/)?.[1];
  if (!block || !block.includes('proxy_pass http://127.0.0.1:8787/')) {
    throw new Error('README.md has no nginx block proxying to 127.0.0.1:8787 in "Serving Shoploop from the shop\'s own domain"');
  }
  return block;
}

export interface RunningNginx {
  /** http://127.0.0.1:PORT, the one origin nginx serves */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Debian's nginx as the shop's own web server, running as the current user from a generated config in a temp
 * dir: `/` proxied to the shop (`shopUrl`), and the README's own `location /sl/` block with Shoploop's port put
 * in place of 8787. One process (`master_process off`), stopped with the test.
 */
export async function startNginx({ shopUrl, shoploopPort }: { shopUrl: string; shoploopPort: number }): Promise<RunningNginx> {
  if (!existsSync(NGINX)) throw new Error(`no nginx at ${NGINX}: apt-get install -y nginx (or set NGINX_PATH); .ci/run installs it`);
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const slBlock = readmeNginxBlock().replaceAll('127.0.0.1:8787', `127.0.0.1:${shoploopPort}`);
  const conf = `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass ${shopUrl};
      proxy_set_header Host $http_host;
    }
${slBlock.replace(/^/gm, '    ')}
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(url, child, () => `${stderr}${readIfThere(join(dir, 'error.log'))}`);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${log()}`);
    try {
      await fetch(`${url}/sl/healthz`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nginx did not answer on ${url} within 30 s: ${log()}`);
}

function readIfThere(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
