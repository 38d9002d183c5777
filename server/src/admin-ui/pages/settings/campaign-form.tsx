import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api/client.ts';
import { Section } from '../../ui/parts.tsx';
import { campaignName, campaignOrder } from '../campaigns/labels.ts';
import { campaignFields, draftOf, patchOf } from './field-specs.ts';
import { FieldInputs } from './field-inputs.tsx';
import { FormFooter } from './form-footer.tsx';
import { MessagePreview } from './message-preview.tsx';
import type { AllSettings, CampaignSettings, PushCampaignId } from './types.ts';
import { useSave } from './use-save.ts';

const pushCampaigns = campaignOrder.filter((c): c is PushCampaignId => c in campaignFields);

/** One campaign at a time: on/off, holdout, timing and wording, with the rendered message beside it. */
export function CampaignForm({ api, site, stored, onSaved }: { api: Api; site: string; stored: CampaignSettings; onSaved(s: AllSettings): void }) {
  const [campaign, setCampaign] = useState<PushCampaignId>('abandoned_cart');
  return (
    <Section
      title="Campaigns"
      actions={
        <div class="tabs campaign-tabs" role="tablist">
          {pushCampaigns.map((c) => (
            <button key={c} type="button" role="tab" aria-selected={c === campaign} class={c === campaign ? 'small' : 'secondary small'} data-campaign={c} onClick={() => setCampaign(c)}>
              {campaignName(c)}
              <span class={stored[c].enabled ? 'dot on' : 'dot off'} aria-label={stored[c].enabled ? 'on' : 'off'} />
            </button>
          ))}
        </div>
      }
    >
      <OneCampaign key={campaign} api={api} site={site} campaign={campaign} stored={stored[campaign]} onSaved={onSaved} />
    </Section>
  );
}

function OneCampaign({ api, site, campaign, stored, onSaved }: { api: Api; site: string; campaign: PushCampaignId; stored: object; onSaved(s: AllSettings): void }) {
  const specs = campaignFields[campaign];
  const [draft, setDraft] = useState(() => draftOf(specs, stored));
  const state = useSave(api, site, onSaved, 'Saved. New messages of this campaign follow it from the next round.');
  const reset = () => setDraft(draftOf(specs, stored));
  useEffect(reset, [JSON.stringify(stored)]);
  const { patch, invalid } = patchOf(specs, draft, stored);

  return (
    <form
      class="settings-form campaign-form"
      data-settings={`campaign-${campaign}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void state.save({ campaigns: { [campaign]: patch } });
      }}
    >
      <div class="form-fields">
        <FieldInputs
          specs={specs}
          draft={draft}
          errors={{ ...state.fieldErrors, ...invalid }}
          idPrefix={`campaign-${campaign}`}
          onChange={(k, v) => {
            state.clear();
            setDraft({ ...draft, [k]: v });
          }}
        />
        {campaign === 'review_request' && <p class="hint wide">When it goes is set under Reviews below (after the purchase, per category, one reminder).</p>}
      </div>
      <MessagePreview api={api} site={site} campaign={campaign} title={String(draft.title)} body={String(draft.body)} />
      <FormFooter state={state} changed={Object.keys(patch).length} invalid={Object.keys(invalid).length} onReset={reset} />
    </form>
  );
}
