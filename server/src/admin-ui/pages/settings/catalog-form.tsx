import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api/client.ts';
import { Section } from '../../ui/parts.tsx';
import { catalogFields, draftOf, patchOf } from './field-specs.ts';
import { FieldInputs } from './field-inputs.tsx';
import { FormFooter } from './form-footer.tsx';
import type { AllSettings, CatalogSettings } from './types.ts';
import { useSave } from './use-save.ts';

/** How many visitors must report a product detail before messages and recommendation blocks show it. */
export function CatalogForm({ api, site, stored, onSaved }: { api: Api; site: string; stored: CatalogSettings; onSaved(s: AllSettings): void }) {
  const [draft, setDraft] = useState(() => draftOf(catalogFields, stored));
  const state = useSave(api, site, onSaved);
  const reset = () => setDraft(draftOf(catalogFields, stored));
  useEffect(reset, [JSON.stringify(stored)]);
  const { patch, invalid } = patchOf(catalogFields, draft, stored);
  return (
    <Section title="Catalog">
      <form
        class="settings-form"
        data-settings="catalog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void state.save({ catalog: patch });
        }}
      >
        <div class="form-fields">
          <FieldInputs
            specs={catalogFields}
            draft={draft}
            errors={{ ...state.fieldErrors, ...invalid }}
            idPrefix="catalog"
            onChange={(k, v) => {
              state.clear();
              setDraft({ ...draft, [k]: v });
            }}
          />
        </div>
        <FormFooter state={state} changed={Object.keys(patch).length} invalid={Object.keys(invalid).length} onReset={reset} />
      </form>
    </Section>
  );
}
