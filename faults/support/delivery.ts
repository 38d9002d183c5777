import { expect } from 'vitest';
import type { Db } from '../../server/src/db/client.ts';
import { storedCounts } from './shop-database.ts';
import type { TrackerClients } from './tracker-clients.ts';
import { waitFor } from './wait-for.ts';

/** Each shopper's next page sends what its outbox holds (as the tracker's boot does), until nothing waits. */
export async function deliverTheRest(clients: TrackerClients): Promise<void> {
  await waitFor(
    async () => {
      await clients.nextPage();
      return (await clients.waiting()) === 0;
    },
    60_000,
    'every outbox to empty',
  );
}

/** Every generated event stored exactly once, every acknowledged one among them; the stored counts, for more checks. */
export async function expectAllStoredOnce(db: Db, clients: TrackerClients): Promise<Map<string, number>> {
  const stored = await storedCounts(db);
  expect([...stored].filter(([, n]) => n !== 1), 'event ids stored more than once').toEqual([]);
  expect([...clients.acknowledged].filter((id) => stored.get(id) !== 1), 'acknowledged but not stored once').toEqual([]);
  expect(clients.generated.filter((id) => !stored.has(id)), 'generated but never stored').toEqual([]);
  return stored;
}
