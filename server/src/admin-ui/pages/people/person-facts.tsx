import type { PersonTimeline } from '../../api/types.ts';
import type { Format } from '../../format/format.ts';

/** The person's ids, dates and value, as a definition list. */
export function PersonFacts({ person: p, f }: { person: PersonTimeline['person']; f: Format }) {
  const facts: Array<[string, string]> = [
    ['Profile id', p.profileId],
    ['Customer id', p.customerId ?? '–'],
    ['Devices', p.visitorIds.join(', ') || '–'],
    ['First seen', f.dateTime(p.firstSeenAt)],
    ['Last event', f.dateTime(p.lastEventAt)],
    ['Orders', f.count(p.orders)],
    ['Revenue', f.money(p.revenue)],
    ['CLV (12 months)', f.money(p.clv)],
    ['P(alive)', f.percent(p.alive)],
  ];
  return (
    <dl class="facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd class={k.endsWith('id') || k === 'Devices' ? 'mono' : ''}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
