import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          // real databases, real HTTPS and 100,000-id statistics: generous on a shared 2-core machine
          testTimeout: 30_000,
          include: ['server/**/*.test.ts', 'bench/**/*.test.ts', 'demo-shop/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'widget',
          environment: 'happy-dom',
          include: ['widget/**/*.test.ts', 'widget/**/*.test.tsx'],
        },
      },
      {
        test: {
          // the service worker's handlers, with its globals (registration, clients, indexedDB, fetch) stubbed
          name: 'sw',
          environment: 'node',
          include: ['sw/**/*.test.ts'],
        },
      },
      {
        test: {
          // real server processes killed with SIGKILL, a locked or full database, two instances on one file
          name: 'faults',
          environment: 'node',
          include: ['faults/**/*.test.ts'],
          testTimeout: 180_000,
          // each test starts its own servers and clients: one at a time on a 2-core machine
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // a browser, a server and its timers on a busy 2-core machine: a page may take seconds to show something
          expect: { poll: { timeout: 10_000 } },
          // one browser at a time: the machine has two cores
          fileParallelism: false,
        },
      },
    ],
  },
});
