import { useRef, useState } from 'preact/hooks';
import type { Api } from '../../api/client.ts';

interface Props {
  api: Api;
  site: string;
  profileId: string;
  onErased(counts: Record<string, number>): void;
}

/** Erase, behind a modal that says what goes and cannot be undone. */
export function EraseDialog({ api, site, profileId, onErased }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      const { erased } = await api.delete<{ erased: Record<string, number> }>(`/people/${encodeURIComponent(profileId)}`, { site });
      dialog.current?.close();
      onErased(erased);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" class="danger small" data-erase onClick={() => dialog.current?.showModal()}>
        Erase…
      </button>
      <dialog ref={dialog} aria-labelledby="erase-title" data-erase-dialog>
        <h2 id="erase-title">Erase this person?</h2>
        <p>
          Every event, stage, message and device of <span class="mono">{profileId}</span> on this site is deleted for good. Only a hash of the id is
          kept, as a record that it was erased. This cannot be undone.
        </p>
        {error && <p class="error" role="alert">{error}</p>}
        <div class="actions">
          <button type="button" class="secondary" onClick={() => dialog.current?.close()} autofocus>
            Cancel
          </button>
          <button type="button" class="danger" disabled={busy} data-erase-confirm onClick={erase}>
            {busy ? 'Erasing…' : 'Erase for good'}
          </button>
        </div>
      </dialog>
    </>
  );
}
