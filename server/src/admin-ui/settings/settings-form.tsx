import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, type Api } from '../api/client.ts';
import type { LifecycleSettings, StagePreview } from '../api/types.ts';
import type { AllSettings } from '../pages/settings/types.ts';
import { changesOf, draftOf, settingFields, type SettingsDraft } from './fields.ts';
import { PreviewTable } from './preview-table.tsx';

interface Props {
  api: Api;
  site: string;
  stored: LifecycleSettings;
  onSaved(settings: AllSettings): void;
}

const PREVIEW_DELAY_MS = 350;

/** The lifecycle thresholds: every edit previews the stage sizes (nothing stored) until Save. */
export function SettingsForm({ api, site, stored, onSaved }: Props) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(stored));
  const [preview, setPreview] = useState<StagePreview | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // errors other than a refused field (the server gone; a lost session is the app's)
  const onError = (err: unknown) => setFailure(err instanceof Error ? err.message : String(err));
  const latest = useRef(0);

  // a save or a refresh brings new stored settings: start again from them (an equal refresh keeps the draft)
  useEffect(() => setDraft(draftOf(stored)), [JSON.stringify(stored)]);

  const { changes, invalid } = changesOf(draft, stored);
  const changed = Object.keys(changes).length;

  // preview as the user types: debounced, and only the newest answer is shown
  useEffect(() => {
    if (invalid.length) {
      setFieldErrors(Object.fromEntries(invalid.map((k) => [k, 'enter a number'])));
      return;
    }
    const call = ++latest.current;
    const timer = setTimeout(() => {
      api.post<StagePreview>('/stages/preview', { site, settings: changes }).then(
        (p) => {
          if (call !== latest.current) return;
          setPreview(p);
          setFieldErrors({});
          setFailure(null);
        },
        (err: unknown) => {
          if (call !== latest.current) return;
          if (err instanceof ApiFailure && err.status === 400) setFieldErrors(err.fields);
          else onError(err);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, site, JSON.stringify(draft), stored]);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    try {
      const saved = await api.put<AllSettings>(`/sites/${encodeURIComponent(site)}/settings`, { lifecycle: changes });
      setStatus('Saved. Everyone on this site is re-evaluated with the new settings within seconds.');
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 400) setFieldErrors(err.fields);
      else onError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" data-settings="lifecycle">
      <header class="section-head">
        <h2>Lifecycle thresholds</h2>
      </header>
      {/* noValidate: the server is the one judge of a value, and its message names the field */}
      <form class="settings" onSubmit={save} noValidate>
        <div class="fields">
          {settingFields.map((f) => (
            <label key={f.key} class={fieldErrors[f.key] ? 'field invalid' : 'field'}>
              <span class="field-label">{f.label}</span>
              <span class="field-input">
                <input
                  name={f.key}
                  type="number"
                  inputMode="decimal"
                  min={f.min}
                  max={f.max}
                  step={f.step}
                  value={draft[f.key]}
                  onInput={(e) => {
                    setStatus(null);
                    setDraft({ ...draft, [f.key]: e.currentTarget.value });
                  }}
                />
                <span class="unit">{f.unit}</span>
              </span>
              <span class="hint">{fieldErrors[f.key] ?? f.hint}</span>
            </label>
          ))}
        </div>
        <div class="preview-pane">
          <h3>Preview {changed ? `(${changed} change${changed > 1 ? 's' : ''})` : '(no changes)'}</h3>
          {preview ? <PreviewTable current={preview.current} preview={preview.preview} /> : <p class="hint">Working out the stage sizes…</p>}
          <p class="hint">Re-evaluates everyone from what is known of them now; nothing is stored until you save.</p>
          <div class="actions">
            <button type="submit" disabled={saving || changed === 0 || invalid.length > 0}>
              {saving ? 'Saving…' : 'Save settings'}
            </button>
            <button type="button" class="secondary" disabled={changed === 0 && invalid.length === 0} onClick={() => setDraft(draftOf(stored))}>
              Reset
            </button>
          </div>
          {status && <p class="ok" role="status">{status}</p>}
          {failure && <p class="error" role="alert">{failure}</p>}
        </div>
      </form>
    </section>
  );
}
