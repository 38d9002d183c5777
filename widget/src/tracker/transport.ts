/**
 * POSTs one batch as JSON in a string body, which fetch sends as text/plain;charset=UTF-8: a "simple" request,
 * so no CORS preflight. keepalive lets it outlive the page.
 * Resolves true when the batch is settled — stored (2xx) or permanently rejected (400, 403, 404, 413: retrying
 * cannot help) — and false when it should be retried (408, 429, 5xx, network failure).
 */
export const post = async (url: string, body: string): Promise<boolean> => {
  try {
    const { status } = await fetch(url, { method: 'POST', keepalive: true, body });
    if (import.meta.env.DEV && status >= 400) console.warn('[shoploop] collector answered', status);
    return status < 500 && status != 408 && status != 429;
  } catch {
    return false;
  }
};
