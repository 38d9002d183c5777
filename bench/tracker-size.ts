import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { sizeBudgets } from '../widget/size-budgets.ts';

/**
 * Raw, gzip -9 and brotli -11 sizes of every built widget file: the tracking script first, then the blocks' UI it
 * loads on pages with a recommendation block, then anything else; `budget` is the gzip budget widget/size.test.ts
 * enforces, where the file has one.
 */
export function trackerSizes(dir = 'dist/widget') {
  const order = Object.keys(sizeBudgets);
  const rank = (file: string) => (order.includes(file) ? order.indexOf(file) : order.length);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((file) => {
      const body = readFileSync(`${dir}/${file}`);
      return {
        file,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        budget: sizeBudgets[file] as number | undefined,
      };
    });
}
