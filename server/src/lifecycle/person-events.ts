import type { Db } from '../db/client.ts';
import type { FactEvent } from './facts.ts';

export interface SeqEvent extends FactEvent {
  seq: number;
  visitorId: string;
}

const CHUNK = 400;

/** Events of these visitors of a site after `afterSeq`, in receipt order. */
export async function eventsOfVisitors(db: Db, siteId: string, visitorIds: string[], afterSeq: number): Promise<SeqEvent[]> {
  const out: SeqEvent[] = [];
  for (let i = 0; i < visitorIds.length; i += CHUNK) {
    const chunk = visitorIds.slice(i, i + CHUNK);
    const rs = await db.client.execute({
      sql: `SELECT seq, visitor_id, name, session_id, received_at, params FROM events
            WHERE site_id = ? AND visitor_id IN (${chunk.map(() => '?').join(',')}) AND seq > ? ORDER BY seq`,
      args: [siteId, ...chunk, afterSeq],
    });
    for (const r of rs.rows) {
      out.push({
        seq: Number(r.seq),
        visitorId: String(r.visitor_id),
        name: String(r.name),
        sessionId: String(r.session_id),
        receivedAt: Number(r.received_at),
        params: JSON.parse(String(r.params)) as FactEvent['params'],
      });
    }
  }
  if (visitorIds.length > CHUNK) out.sort((a, b) => a.seq - b.seq);
  return out;
}

export async function visitorsOfCustomer(db: Db, siteId: string, customerId: string): Promise<string[]> {
  const rs = await db.client.execute({ sql: 'SELECT visitor_id FROM visitors WHERE site_id = ? AND customer_id = ?', args: [siteId, customerId] });
  return rs.rows.map((r) => String(r.visitor_id));
}
