// A dispatcher in a process of its own, for the crash test: sends what is due until nothing is, then exits.
// Usage: tsx dispatcher-process.ts DB_URL (SHOPLOOP_PUSH_ENDPOINTS and NODE_EXTRA_CA_CERTS name the test service)
import { systemClock } from '../../clock.ts';
import { openMigratedDb } from '../../db/client.ts';
import { endpointPolicy } from '../../push/endpoints/endpoint-policy.ts';
import { PushSender } from '../../push/send/push-sender.ts';
import { RecommendationService } from '../../recommend/serve/recommendation-service.ts';
import { catalogContent } from '../outbox/content-source.ts';
import { MessageDispatcher } from '../outbox/dispatcher.ts';

const db = await openMigratedDb(process.argv[2]!);
const sender = new PushSender({ endpoints: endpointPolicy(process.env.SHOPLOOP_PUSH_ENDPOINTS) });
const dispatcher = new MessageDispatcher(db, systemClock, sender, catalogContent(db, new RecommendationService(db, systemClock)), {
  batchSize: 20,
  claimMs: Number(process.env.CLAIM_MS ?? 60_000),
});
for (;;) {
  const r = await dispatcher.runDue();
  const left = await db.client.execute('SELECT count(*) AS n FROM messages WHERE due_at IS NOT NULL');
  if (Number(left.rows[0]!.n) === 0) break;
  if (r.claimed === 0) await new Promise((resolve) => setTimeout(resolve, 100)); // claims of a dead process still running out
}
db.close();
process.exit(0);
