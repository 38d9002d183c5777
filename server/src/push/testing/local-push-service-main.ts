import { LocalPushService } from './local-push-service.ts';

/**
 * Runs the local push service as its own process: `tsx server/src/push/testing/local-push-service-main.ts`.
 * Prints one JSON line `{ "origin", "caFile" }` and serves until SIGTERM/SIGINT. Give a Shoploop server
 * SHOPLOOP_PUSH_ENDPOINTS=<origin> and NODE_EXTRA_CA_CERTS=<caFile>; drive the service with LocalPushServiceClient.
 */
const service = await LocalPushService.start();
process.stdout.write(`${JSON.stringify({ origin: service.origin, caFile: service.caFile })}\n`);
const stop = () => void service.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
