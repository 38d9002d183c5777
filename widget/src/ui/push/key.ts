import type { BlockConfig } from '../../tracker/blocks.ts';

/**
 * The site's VAPID public key from `GET {api}/v1/push/key?site=`: base64url of a 65-byte P-256 point (87
 * characters). Undefined when the server has none (404 unknown site, 409 push not configured), fails or answers
 * something else: then there is no prompt.
 */
export const fetchPublicKey = async ({ api, site }: BlockConfig): Promise<string | undefined> => {
  try {
    const response = await fetch(`${api}/v1/push/key?site=${encodeURIComponent(site)}`);
    const { publicKey } = response.ok ? await response.json() : {};
    if (/^[\w-]{87}$/.test(publicKey)) return publicKey;
  } catch {}
};
