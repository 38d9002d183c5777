import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api/client.ts';
import { Section } from '../../ui/parts.tsx';
import { contactFields, draftOf, patchOf } from './field-specs.ts';
import { FieldInputs } from './field-inputs.tsx';
import { FormFooter } from './form-footer.tsx';
import { quietDraftOf, quietPatch } from './paired-fields.ts';
import type { AllSettings, ContactPolicy } from './types.ts';
import { useSave } from './use-save.ts';

/** The one budget every campaign's messages share, per person: caps and quiet hours (in the person's time zone). */
export function ContactForm({ api, site, stored, onSaved }: { api: Api; site: string; stored: ContactPolicy; onSaved(s: AllSettings): void }) {
  const [draft, setDraft] = useState(() => draftOf(contactFields, stored));
  const [quiet, setQuiet] = useState(() => quietDraftOf(stored));
  const state = useSave(api, site, onSaved);
  const reset = () => {
    setDraft(draftOf(contactFields, stored));
    setQuiet(quietDraftOf(stored));
  };
  useEffect(reset, [JSON.stringify(stored)]);

  const caps = patchOf(contactFields, draft, stored);
  const hours = quietPatch(quiet, stored);
  const patch = { ...caps.patch, ...hours.patch };
  const invalid = { ...caps.invalid, ...hours.invalid };
  const errors = { ...state.fieldErrors, ...invalid };
  const edit = () => state.clear();

  return (
    <Section title="Contact policy">
      <form
        class="settings-form"
        data-settings="contact"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void state.save({ contact: patch });
        }}
      >
        <p class="hint">Shared by every campaign: when two messages want a person's one free slot, the more urgent campaign goes first and the other waits.</p>
        <div class="form-fields">
          <FieldInputs
            specs={contactFields}
            draft={draft}
            errors={errors}
            idPrefix="contact"
            onChange={(k, v) => {
              edit();
              setDraft({ ...draft, [k]: v });
            }}
          />
          <div class={`field ${errors.from || errors.to || errors.quietHours ? 'invalid' : ''}`} data-field="quietHours">
            <label class="check">
              <input
                type="checkbox"
                checked={quiet.quiet}
                onChange={(e) => {
                  edit();
                  setQuiet({ ...quiet, quiet: e.currentTarget.checked });
                }}
              />
              <span>Quiet hours</span>
            </label>
            <span class="field-input">
              <input
                type="time"
                aria-label="Quiet from"
                value={quiet.from}
                disabled={!quiet.quiet}
                onInput={(e) => {
                  edit();
                  setQuiet({ ...quiet, from: e.currentTarget.value });
                }}
              />
              <span class="unit">to</span>
              <input
                type="time"
                aria-label="Quiet until"
                value={quiet.to}
                disabled={!quiet.quiet}
                onInput={(e) => {
                  edit();
                  setQuiet({ ...quiet, to: e.currentTarget.value });
                }}
              />
            </span>
            <span class={errors.from || errors.to || errors.quietHours ? 'hint error' : 'hint'}>
              {errors.from ?? errors.to ?? errors.quietHours ?? 'nothing is sent in these hours of the person\u2019s own clock (may cross midnight)'}
            </span>
          </div>
        </div>
        <FormFooter state={state} changed={Object.keys(patch).length} invalid={Object.keys(invalid).length} onReset={reset} />
      </form>
    </Section>
  );
}
