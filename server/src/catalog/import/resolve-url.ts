import { fail, ok, quote, type Parsed } from './parsed.ts';

/**
 * An absolute http(s) URL for a feed's `url` or `image`. Relative values need a base, because pages and push
 * notifications outside the shop cannot resolve them; other schemes (javascript:, data:) are refused outright.
 */
export function resolveUrl(value: string, base: URL | undefined): Parsed<string> {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fail(base ? `${quote(value)} is not a URL` : `${quote(value)} is not an absolute URL (pass --base-url to resolve relative ones)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(`${quote(value)} is not an http(s) URL`);
  return ok(url.href);
}
