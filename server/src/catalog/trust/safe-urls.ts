/** Parses an absolute URL, or undefined (relative, malformed, or carrying a user name or password). */
function parse(url: string | null | undefined): URL | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // `https://shop.example@evil.example/` reads as the shop to a person and goes elsewhere
  return parsed.username || parsed.password ? undefined : parsed;
}

/**
 * A link a message or a block may carry: an absolute URL on one of the site's allowed origins (as
 * `sites.allowed_origins` holds them: normalized, `https://shop.example`), normalized; null otherwise. A
 * catalog URL pointing anywhere else would send every subscriber off the shop.
 */
export function safeShopUrl(url: string | null, allowedOrigins: readonly string[]): string | null {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  return allowedOrigins.includes(parsed.origin) ? parsed.href : null;
}

/**
 * An image a message or a block may show: absolute https (push services and shops' pages need it), or on one of
 * the site's own allowed origins (the shop's own images, e.g. a shop tried on http://localhost), normalized;
 * null otherwise.
 */
export function safeImageUrl(url: string | null, allowedOrigins: readonly string[] = []): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && allowedOrigins.includes(parsed.origin)) ? parsed.href : null;
}
