// The worker thread's entry: TypeScript through tsx's loader whoever started the process (npm run serve, vitest,
// a bench), then the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./recommendation-worker.ts');
