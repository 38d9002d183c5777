import { useState } from 'preact/hooks';
import { ApiFailure, type Api } from '../../api/client.ts';
import type { AllSettings } from './types.ts';

export interface SaveState {
  saving: boolean;
  /** the server's 400 per field (its last path segment: the form sends one part at a time, so it is unambiguous) */
  fieldErrors: Record<string, string>;
  status: string | null;
  failure: string | null;
  save(body: Record<string, unknown>): Promise<void>;
  clear(): void;
}

/** Saving one part of the site's settings: PUT the patch, hand the stored whole back, or keep the server's refusal. */
export function useSave(api: Api, site: string, onSaved: (s: AllSettings) => void, savedText = 'Saved. It applies from the next round (within seconds).'): SaveState {
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const save = async (body: Record<string, unknown>) => {
    setSaving(true);
    setStatus(null);
    setFailure(null);
    try {
      const saved = await api.put<AllSettings>(`/sites/${encodeURIComponent(site)}/settings`, body);
      setFieldErrors({});
      setStatus(savedText);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 400) setFieldErrors(err.fields);
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };
  return { saving, fieldErrors, status, failure, save, clear: () => {
      setStatus(null);
      setFailure(null);
    },
  };
}

