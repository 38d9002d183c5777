import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api/client.ts';
import { Section } from '../../ui/parts.tsx';
import { draftOf, patchOf, reviewFields } from './field-specs.ts';
import { FieldInputs } from './field-inputs.tsx';
import { FormFooter } from './form-footer.tsx';
import { reviewExtrasDraftOf, reviewExtrasPatch, type ReviewExtrasDraft } from './paired-fields.ts';
import type { AllSettings, ReviewSettings } from './types.ts';
import { useSave } from './use-save.ts';

/** When buyers are asked for a review (per product category too), the reminder, and whether reviews wait for you. */
export function ReviewsForm({ api, site, stored, onSaved }: { api: Api; site: string; stored: ReviewSettings; onSaved(s: AllSettings): void }) {
  const [draft, setDraft] = useState(() => draftOf(reviewFields, stored));
  const [extras, setExtras] = useState<ReviewExtrasDraft>(() => reviewExtrasDraftOf(stored));
  const state = useSave(api, site, onSaved);
  const reset = () => {
    setDraft(draftOf(reviewFields, stored));
    setExtras(reviewExtrasDraftOf(stored));
  };
  useEffect(reset, [JSON.stringify(stored)]);

  const plain = patchOf(reviewFields, draft, stored);
  const more = reviewExtrasPatch(extras, stored);
  const patch = { ...plain.patch, ...more.patch };
  const invalid = { ...plain.invalid, ...more.invalid };
  const errors = { ...state.fieldErrors, ...invalid };
  const setExtra = (next: ReviewExtrasDraft) => {
    state.clear();
    setExtras(next);
  };
  const setRow = (i: number, row: { category: string; days: string }) => setExtra({ ...extras, categories: extras.categories.map((r, j) => (j === i ? row : r)) });
  // the server names a refused category by its name (categoryDelays.<name>)
  const rowError = (i: number, category: string) => errors[`category.${i}`] ?? (category.trim() ? state.fieldErrors[category.trim()] : undefined);

  return (
    <Section title="Reviews">
      <form
        class="settings-form"
        data-settings="reviews"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void state.save({ reviews: patch });
        }}
      >
        <div class="form-fields">
          <FieldInputs
            specs={reviewFields}
            draft={draft}
            errors={errors}
            idPrefix="reviews"
            onChange={(k, v) => {
              state.clear();
              setDraft({ ...draft, [k]: v });
            }}
          />
          <div class={`field ${errors.reminderAfterDays ? 'invalid' : ''}`} data-field="reminderAfterDays">
            <label class="check">
              <input type="checkbox" checked={extras.reminder} onChange={(e) => setExtra({ ...extras, reminder: e.currentTarget.checked })} />
              <span>Remind once</span>
            </label>
            <span class="field-input">
              <input
                type="number"
                inputMode="decimal"
                aria-label="Remind after days"
                min={1 / 1440}
                max={90}
                step="any"
                disabled={!extras.reminder}
                value={extras.reminderAfterDays}
                onInput={(e) => setExtra({ ...extras, reminderAfterDays: e.currentTarget.value })}
              />
              <span class="unit">days after asking</span>
            </span>
            <span class={errors.reminderAfterDays ? 'hint error' : 'hint'}>{errors.reminderAfterDays ?? 'before the review link stops working'}</span>
          </div>
        </div>
        <fieldset class="categories" data-field="categoryDelays">
          <legend>Ask after, per product category</legend>
          <p class="hint">An order waits for its slowest item. Categories as the catalog names them.</p>
          {extras.categories.map((row, i) => {
            const error = rowError(i, row.category);
            return (
              <div key={i} class={`category-row ${error ? 'invalid' : ''}`}>
                <input type="text" aria-label="Category" placeholder="Category" maxLength={128} value={row.category} onInput={(e) => setRow(i, { ...row, category: e.currentTarget.value })} />
                <input type="number" aria-label="Days" inputMode="decimal" min={1 / 1440} max={365} step="any" value={row.days} onInput={(e) => setRow(i, { ...row, days: e.currentTarget.value })} />
                <span class="unit">days</span>
                <button type="button" class="secondary small" onClick={() => setExtra({ ...extras, categories: extras.categories.filter((_, j) => j !== i) })}>
                  Remove
                </button>
                {error && <span class="hint error">{error}</span>}
              </div>
            );
          })}
          <button type="button" class="secondary small" onClick={() => setExtra({ ...extras, categories: [...extras.categories, { category: '', days: '' }] })}>
            Add a category
          </button>
        </fieldset>
        <FormFooter state={state} changed={Object.keys(patch).length} invalid={Object.keys(invalid).length} onReset={reset} />
      </form>
    </Section>
  );
}
