import type { DemoReviews } from './demo-reviews.ts';
import { startDemoStack } from './demo-stack.ts';

// `npm start`: the server and the demo shop, with the URLs a newcomer needs.
const stack = await startDemoStack();
const { serverUrl, catalog } = stack;
console.log(`
  Shoploop server  ${serverUrl}   (admin API ${serverUrl}/admin/api, health ${serverUrl}/healthz)
  Demo shop        ${stack.shopUrl}
  Demo catalog     ${catalog.created} new, ${catalog.updated} updated, ${catalog.unchanged} unchanged products
  Demo history     ${stack.history.replayed ? `${stack.history.people} real customers' year replayed in ${stack.history.seconds.toFixed(0)} s${demoReviews(stack.history.reviews)}: see ${serverUrl}/admin` : `not replayed: ${stack.history.reason}`}
  Snippet          ${stack.snippet}
  Admin app        ${serverUrl}/admin   log in as ${stack.admin.email} with ${stack.admin.generated ? `${stack.admin.password}   (new at every start; set SHOPLOOP_DEMO_ADMIN_PASSWORD to choose it)` : 'SHOPLOOP_DEMO_ADMIN_PASSWORD'}
  Admin token      ${stack.adminToken ? `${stack.adminToken}${process.env.SHOPLOOP_ADMIN_TOKEN ? '' : '   (shown once: keep it)'}` : 'shown on the first start; make a new one with: npm run shoploop -- admin reset-token'}

  Stop with Ctrl+C.`);

function demoReviews(reviews: DemoReviews): string {
  return 'reason' in reviews ? `, no reviews seeded (${reviews.reason})` : `, ${reviews.seeded} published reviews of ${reviews.items} best sellers`;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stack.stop().then(() => process.exit(0)));
}
