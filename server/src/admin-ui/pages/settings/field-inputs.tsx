import type { Draft, FieldSpec } from './field-specs.ts';

interface Props {
  specs: readonly FieldSpec[];
  draft: Draft;
  /** a message per field key: the browser's (not a number) or the server's 400 */
  errors: Record<string, string>;
  onChange(key: string, value: string | boolean): void;
  /** the field ids' prefix, unique on the page (labels point at inputs) */
  idPrefix: string;
}

/** The inputs of a form made from field specs, each with its unit, hint, and its error in place of the hint. */
export function FieldInputs({ specs, draft, errors, onChange, idPrefix }: Props) {
  return (
    <>
      {specs.map((s) => {
        const id = `${idPrefix}-${s.key}`;
        const error = errors[s.key];
        const value = draft[s.key];
        return (
          <div key={s.key} class={`field ${s.kind === 'text' ? 'wide' : ''} ${error ? 'invalid' : ''}`} data-field={s.key}>
            {s.kind === 'boolean' ? (
              <label class="check" for={id}>
                <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(s.key, e.currentTarget.checked)} />
                <span>{s.label}</span>
              </label>
            ) : (
              <>
                <label class="field-label" for={id}>
                  {s.label}
                </label>
                <span class="field-input">
                  {s.kind === 'number' ? (
                    <input id={id} type="number" inputMode="decimal" min={s.min} max={s.max} step={s.step ?? 'any'} value={String(value)} onInput={(e) => onChange(s.key, e.currentTarget.value)} />
                  ) : (
                    <input id={id} type="text" maxLength={s.maxLength} value={String(value)} onInput={(e) => onChange(s.key, e.currentTarget.value)} />
                  )}
                  {s.unit && <span class="unit">{s.unit}</span>}
                </span>
              </>
            )}
            {(error ?? s.hint) && <span class={error ? 'hint error' : 'hint'}>{error ?? s.hint}</span>}
          </div>
        );
      })}
    </>
  );
}
