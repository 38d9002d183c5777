/**
 * The URL as an absolute http(s) URL, or undefined. Product URLs and images come from the catalog, which learns
 * them from events any page can send: a `javascript:` or `data:` URL must never become a link or an image.
 */
export const safeUrl = (url: string | null | undefined): string | undefined => {
  try {
    const absolute = new URL(url!, location.href);
    if (url && /^https?:$/.test(absolute.protocol)) return absolute.href;
  } catch {} // not a URL at all
};
