import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Raw, gzip -9 and brotli -11 sizes of every built widget file. */
export function trackerSizes(dir = 'dist/widget') {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const body = readFileSync(`${dir}/${file}`);
      return {
        file,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
}
