import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface StaticSite {
  /** http://127.0.0.1:PORT: an origin of its own, apart from Shoploop's and the demo shop's */
  url: string;
  close(): Promise<void>;
}

/**
 * The hand-written shop pages in `dir` (*.html), served as they are with nothing of Shoploop in them but the
 * tag `snippet(url)` returns for the request, put just before `</head>` as the README says to paste it.
 */
export async function startStaticSite(dir: string, snippet: (url: URL) => string): Promise<StaticSite> {
  const pages = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const page = readFileSync(join(dir, file), 'utf8');
    if (!page.includes('</head>')) throw new Error(`${file} has no </head> to paste the tag before`);
    pages.set(`/${file}`, page);
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const page = pages.get(url.pathname);
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const html = page.replace('</head>', `${snippet(url)}\n</head>`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}
