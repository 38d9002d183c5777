import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The admin app's scripts and styles as a browser downloads them (gzip -9 each, summed). */
export function adminBundleSize(dir = 'dist/admin/assets') {
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  return { files: files.length, gzip: files.reduce((sum, f) => sum + gzipSync(readFileSync(`${dir}/${f}`), { level: 9 }).length, 0) };
}
