import { createHash } from 'node:crypto';

const valid = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The Topic header for a message (RFC 8030 §5.4: at most 32 characters of the URL-safe base64 alphabet; a push
 * service replaces a pending message with the same topic). A topic that already fits is used as it is; any other
 * is replaced by the first 32 characters of its SHA-256 in base64url, so the same topic always gives the same
 * header and the second cart reminder still replaces the first. Empty: no topic.
 */
export function pushTopic(topic: string | undefined): string | undefined {
  if (!topic) return undefined;
  if (valid.test(topic)) return topic;
  return createHash('sha256').update(topic).digest('base64url').slice(0, 32);
}
