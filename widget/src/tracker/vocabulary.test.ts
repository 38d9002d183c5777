import { test, expect } from 'vitest';
import { availabilities as serverAvailabilities } from '../../../server/src/db/schema/catalog.ts';
import { eventNames as serverEventNames, limits } from '../../../server/src/collect/vocabulary.ts';
import * as vocabulary from './vocabulary.ts';

test('event names match the collector', () => {
  expect(vocabulary.eventNames).toEqual(serverEventNames);
  for (const name of serverEventNames) expect(vocabulary.isEventName(name), name).toBe(true);
});

test('isEventName accepts nothing else', () => {
  for (const name of ['page', 'view_items', 'add_to_cart ', 'gtm.js', 'Purchase', 'view_list', 'rec_view', 'rec_clicks', '', undefined, 7]) {
    expect(vocabulary.isEventName(name), String(name)).toBe(false);
  }
});

test('limits and availabilities match the collector', () => {
  for (const [name, value] of Object.entries(limits)) {
    expect((vocabulary as Record<string, unknown>)[name], name).toBe(value);
  }
  expect(vocabulary.availabilities).toEqual(serverAvailabilities);
});
