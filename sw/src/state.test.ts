import { beforeEach, expect, test } from 'vitest';
import { clearState, firstSighting, readState, seenLimit, writeState } from './state.ts';
import { freshWorker } from './testing.ts';

beforeEach(() => {
  freshWorker();
});

const state = { api: 'https://api.example', site: 'pk_1', vid: 'V1', publicKey: 'BKEY' };

test('the state written by the page is read back, and is gone once cleared', async () => {
  expect(await readState()).toBeUndefined();
  await writeState(state);
  expect(await readState()).toEqual(state);
  await writeState({ ...state, vid: 'V2' });
  expect(await readState()).toEqual({ ...state, vid: 'V2' });
  await clearState();
  expect(await readState()).toBeUndefined();
});

test('a message id is new once', async () => {
  expect(await firstSighting('msg_1')).toBe(true);
  expect(await firstSighting('msg_1')).toBe(false);
  expect(await firstSighting('msg_2')).toBe(true);
});

test('two deliveries of one message at the same moment: only one is new', async () => {
  expect(await Promise.all([firstSighting('msg_1'), firstSighting('msg_1')])).toEqual([true, false]);
});

test(`only the last ${seenLimit} ids are kept`, async () => {
  for (let i = 0; i <= seenLimit; i++) expect(await firstSighting(`msg_${i}`)).toBe(true);
  // msg_0 was pushed out by the 50 after it; msg_1 is still there
  expect(await firstSighting('msg_1')).toBe(false);
  expect(await firstSighting('msg_0')).toBe(true);
});
