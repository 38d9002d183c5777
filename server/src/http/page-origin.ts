/** One request header by lower-case name. Hono's `c.req` is one; the node:http fast path adapts `req.headers`. */
export interface RequestHeaders {
  header(name: string): string | undefined;
}

/**
 * What a request says about the origin of the page that sent it, read only from what a browser writes itself
 * and a page cannot set: `Origin`, `Sec-Fetch-Site` (with the `Host` the browser addressed) and `Referer`.
 * - `declared`: the Origin header. Browsers send it on every cross-origin fetch and every POST; it is the
 *   page's origin (or `null`, which matches nothing: a sandboxed frame, anywhere, sends it, and Chromium sends
 *   such a frame's requests without a Referer), and nothing else is looked at.
 * - `inferred`: no Origin, as on a same-origin GET (Shoploop proxied under the shop's own origin). The page's
 *   origin is then the request's own origin when the browser says `Sec-Fetch-Site: same-origin`, and the
 *   Referer's origin when there is one (browsers before Fetch Metadata, or plain http away from localhost,
 *   send no Sec-Fetch-Site). A page elsewhere can strip its Referer but never forge one.
 * - `none`: nothing to go on (curl, or a same-origin request from a page whose Referrer-Policy strips the
 *   Referer in a browser without Fetch Metadata).
 */
export type PageOrigin = { kind: 'declared'; origin: string } | { kind: 'inferred'; origins: string[]; requestOrigin?: string } | { kind: 'none' };

export function pageOrigin(headers: RequestHeaders): PageOrigin {
  const origin = headers.header('origin');
  if (origin) return { kind: 'declared', origin };
  const origins: string[] = [];
  const requestOrigin = headers.header('sec-fetch-site') === 'same-origin' ? requestOriginOf(headers) : undefined;
  if (requestOrigin) origins.push(requestOrigin);
  const referer = originOfUrl(headers.header('referer'));
  if (referer && referer !== requestOrigin) origins.push(referer);
  return origins.length ? { kind: 'inferred', origins, requestOrigin } : { kind: 'none' };
}

// A host as browsers write it in Host: a name or IPv4 address, or a bracketed IPv6 address, with an optional port
const hostPattern = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin the browser addressed: its Host (which a page cannot set, and which the README's proxy lines pass
 * on unchanged) and the scheme from X-Forwarded-Proto, since Shoploop itself only ever speaks plain http. Not
 * X-Forwarded-Host: a page on the shop's origin may add that header to its own same-origin request, and a proxy
 * that passes it through would let that page speak for another host. A forged X-Forwarded-Proto can at most
 * swap http for https on the host the browser really addressed.
 */
function requestOriginOf(headers: RequestHeaders): string | undefined {
  const host = headers.header('host');
  if (!host || !hostPattern.test(host)) return undefined;
  const proto = headers.header('x-forwarded-proto')?.trim().toLowerCase();
  return originOfUrl(`${proto === 'https' ? 'https' : 'http'}://${host}`);
}

function originOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? origin : undefined;
  } catch {
    return undefined;
  }
}
