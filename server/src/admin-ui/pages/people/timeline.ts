import type { PersonTimeline } from '../../api/types.ts';
import type { Format } from '../../format/format.ts';
import { stageLabel, stageOrNew } from '../../stages/labels.ts';

export type EntryKind = 'event' | 'stage' | 'message' | 'review' | 'click';

/** One line of a person's timeline, whatever it came from. All text: shown escaped, exported as is. */
export interface TimelineEntry {
  at: string;
  kind: EntryKind;
  what: string;
  detail: string;
}

export const kindLabel: Record<EntryKind, string> = { event: 'Event', stage: 'Stage', message: 'Message', review: 'Review', click: 'Rec. click' };

const join = (parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' · ');

/** Every list of the person's answer as one timeline, newest first. */
export function timelineOf(d: PersonTimeline, f: Format): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...d.events.map((e) => ({
      at: e.at,
      kind: 'event' as const,
      what: e.name,
      detail: join([
        e.items.map((i) => `${i.name ?? i.itemId ?? ''}${i.quantity && i.quantity > 1 ? ` ×${i.quantity}` : ''}`).join(', '),
        e.value !== null && f.money(e.value),
        e.url,
      ]),
    })),
    ...d.transitions.map((t) => ({ at: t.at, kind: 'stage' as const, what: `${stageOrNew(t.from)} → ${stageLabel[t.to]}`, detail: join([t.rule, t.reason]) })),
    ...d.messages.map((m) => ({ at: m.at, kind: 'message' as const, what: `${m.campaign}: ${m.status}${m.holdout ? ' (holdout)' : ''}`, detail: join([m.title, m.reason]) })),
    ...d.reviews.map((r) => ({ at: r.at, kind: 'review' as const, what: `${'★'.repeat(Math.max(0, Math.min(5, r.rating)))} ${r.itemId} (${r.status})`, detail: join([r.title, r.text]) })),
    ...d.recClicks.map((c) => ({ at: c.at, kind: 'click' as const, what: c.itemId, detail: c.scenario ?? '' })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
