/** `https://Shop.example:443/path` → `https://shop.example`; throws on anything that is not an http(s) origin. */
export function normalizeOrigin(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Error(`"${input}" is not a URL; an origin looks like https://shop.example`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`"${input}" is not an http(s) origin`);
  return url.origin;
}
