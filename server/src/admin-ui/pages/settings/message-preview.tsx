import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../../api/client.ts';
import type { MessagePreview as Preview, PushCampaignId } from './types.ts';

const DELAY_MS = 400;

/**
 * The campaign's message as it would go now for a sample product, with the wording being edited (the saved one
 * for an empty field); re-rendered by the server as the user types, nothing sent. Shown as text only.
 */
export function MessagePreview({ api, site, campaign, title, body }: { api: Api; site: string; campaign: PushCampaignId; title: string; body: string }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const call = ++latest.current;
    const template = { ...(title.trim() ? { title: title.trim() } : {}), ...(body.trim() ? { body: body.trim() } : {}) };
    const timer = setTimeout(() => {
      api.post<Preview>('/campaigns/preview', { site, campaign, template }).then(
        (p) => {
          if (call !== latest.current) return;
          setPreview(p);
          setError(null);
        },
        (err: unknown) => call === latest.current && setError(err instanceof Error ? err.message : String(err)),
      );
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, site, campaign, title, body]);

  return (
    <div class="message-preview" data-message-preview={campaign} aria-live="polite">
      <h3>Preview</h3>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {preview ? (
        <>
          <div class="notification">
            <strong class="notification-title">{preview.title}</strong>
            <span class="notification-body">{preview.body}</span>
            <span class="notification-url">{preview.url}</span>
          </div>
          <p class="hint">
            {preview.item ? `For ${preview.item.name} (${preview.item.itemId}), a product of the catalog.` : 'For a made-up product: the catalog has no trusted product yet.'}
            {preview.icon ? ` With its image ${preview.icon}.` : ''}
          </p>
        </>
      ) : (
        !error && <p class="hint">Rendering…</p>
      )}
    </div>
  );
}
