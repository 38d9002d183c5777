import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { onPush } from './on-push.ts';
import { writeState } from './state.ts';
import { freshWorker, pushEvent, scope } from './testing.ts';

const message = (id = 'msg_1', fields: object = {}) => ({
  v: 1,
  id,
  title: 'Still thinking about it?',
  body: 'Your basket: Red Retrospot Mug',
  url: `https://shop.example/cart?sl_push=${id}`,
  icon: 'https://shop.example/icon.png',
  image: 'https://shop.example/images/22423.png',
  tag: 'cart-V1',
  ...fields,
});
const push = (payload: object | string | null) => onPush(pushEvent(payload));

let worker: ReturnType<typeof freshWorker>;
beforeEach(async () => {
  worker = freshWorker();
  // the visitor subscribed through Shoploop's prompt
  await writeState({ api: 'https://api.example', site: 'pk_1', vid: 'V1', publicKey: 'BKEY' });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

test('a push shows its title with body, icon, image, tag (one notification per topic) and where a click goes', async () => {
  await push(message());
  expect(worker.shown).toEqual([
    {
      title: 'Still thinking about it?',
      options: {
        body: 'Your basket: Red Retrospot Mug',
        icon: 'https://shop.example/icon.png',
        image: 'https://shop.example/images/22423.png',
        tag: 'cart-V1',
        data: { url: 'https://shop.example/cart?sl_push=msg_1', id: 'msg_1' },
      },
    },
  ]);
});

test('a message delivered twice is shown once; other messages still show', async () => {
  await push(message('msg_1'));
  await push(message('msg_1'));
  await push(message('msg_2'));
  expect(worker.shown.map((shown) => shown.options.data?.id)).toEqual(['msg_1', 'msg_2']);
});

test.each([
  ['no data', null],
  ['text that is not JSON', 'hello'],
  ['another payload version', { ...message(), v: 2 }],
  ['no title', { ...message(), title: '' }],
  ['a javascript: link', { ...message(), url: 'javascript:alert(1)' }],
])('a push with %s still shows a notification: the generic one, opening the shop', async (_, payload) => {
  await push(payload);
  expect(worker.shown).toEqual([{ title: 'shop.example', options: { body: 'There is news for you.', tag: 'shoploop', data: { url: scope } } }]);
});

test('in a shop’s own worker where nobody subscribed through Shoploop, a push that is not Shoploop’s is left to the shop', async () => {
  worker = freshWorker(); // no state
  await push('{"the":"shop’s own"}');
  await push(null);
  expect(worker.shown).toEqual([]);
  await push(message()); // a Shoploop message is still shown
  expect(worker.shown.map((shown) => shown.title)).toEqual(['Still thinking about it?']);
});

test('a push whose data cannot be read as text shows the generic notification', async () => {
  await onPush({ data: { text: () => { throw new TypeError('not UTF-8'); } } });
  expect(worker.shown.map((shown) => shown.title)).toEqual(['shop.example']);
});

test('a notification that fails with its images is shown without them', async () => {
  worker.showNotification.mockRejectedValueOnce(new TypeError('bad image'));
  await push(message());
  expect(worker.shown).toEqual([
    { title: 'Still thinking about it?', options: { body: 'Your basket: Red Retrospot Mug', tag: 'cart-V1', data: { url: 'https://shop.example/cart?sl_push=msg_1', id: 'msg_1' } } },
  ]);
});

test('when IndexedDB fails, the message is shown anyway', async () => {
  vi.stubGlobal('indexedDB', { open: () => { throw new DOMException('blocked', 'SecurityError'); } });
  await push(message());
  await push(message());
  expect(worker.shown).toHaveLength(2);
});
