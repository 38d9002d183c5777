import { useRef } from 'preact/hooks';
import type { Api } from '../../api/client.ts';
import { Await } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { CopyButton } from './copy-button.tsx';
import type { SiteSnippet } from './types.ts';

/** The exact texts `site snippet` prints: the tag for every page, and the one-line service worker file for push. */
export function SnippetBox({ api, site }: { api: Api; site: string }) {
  const snippet = useLoad(() => api.get<SiteSnippet>(`/sites/${encodeURIComponent(site)}/snippet`), [api, site]);
  const scriptBox = useRef<HTMLTextAreaElement>(null);
  const swBox = useRef<HTMLTextAreaElement>(null);
  return (
    <Await state={snippet}>
      {(s) => (
        <div class="snippets" data-snippet={site}>
          <div class="snippet">
            <div class="snippet-head">
              <h3>On every page, before &lt;/body&gt;</h3>
              <CopyButton text={s.script} target={() => scriptBox.current} label="Copy snippet" />
            </div>
            <textarea ref={scriptBox} class="mono" readOnly rows={3} value={s.script} data-snippet-script spellcheck={false} />
          </div>
          <div class="snippet">
            <div class="snippet-head">
              <h3>
                A file served at <code>{s.serviceWorker.path}</code> on the shop's own origin (for web push)
              </h3>
              <CopyButton text={s.serviceWorker.body} target={() => swBox.current} label="Copy file" />
            </div>
            <textarea ref={swBox} class="mono" readOnly rows={3} value={s.serviceWorker.body} data-snippet-sw spellcheck={false} />
          </div>
        </div>
      )}
    </Await>
  );
}
