// The push payload the server sends (push-design.md, "Push payload"), read defensively: a service worker that
// throws on a bad payload shows nothing, and Chrome then shows its own "site updated in the background" instead.

/** A message as sw.js shows it. */
export interface PushMessage {
  id: string;
  title: string;
  body: string;
  /** the page a click opens, carrying `sl_push=<id>` */
  url: string;
  icon?: string;
  image?: string;
  tag?: string;
}

const textOf = (value: unknown, max: number): string | undefined =>
  typeof value == 'string' && value.trim() ? value.slice(0, max) : undefined;

/** An absolute URL with one of the schemes given, else undefined. */
const urlOf = (value: unknown, schemes: RegExp): string | undefined => {
  try {
    const url = new URL(value as string);
    if (schemes.test(url.protocol)) return url.href;
  } catch {}
};

/** The message in a push's text, or undefined when it is not one (not JSON, another version, missing fields). */
export const readMessage = (text: string | undefined): PushMessage | undefined => {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text ?? '');
  } catch {
    return;
  }
  if (raw?.v !== 1) return;
  const id = textOf(raw.id, 100);
  const title = textOf(raw.title, 200);
  const url = urlOf(raw.url, /^https?:$/);
  if (!id || !title || !url) return;
  return {
    id,
    title,
    body: textOf(raw.body, 500) ?? '',
    url,
    // images only over https (issue 8, "What a message may say")
    icon: urlOf(raw.icon, /^https:$/),
    image: urlOf(raw.image, /^https:$/),
    tag: textOf(raw.tag, 64),
  };
};
