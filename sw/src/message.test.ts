import { expect, test } from 'vitest';
import { readMessage } from './message.ts';

const valid = { v: 1, id: 'msg_1', title: 'Your basket misses you', body: '2 items', url: 'https://shop.example/cart?sl_push=msg_1', tag: 'cart' };
const read = (fields: object) => readMessage(JSON.stringify({ ...valid, ...fields }));

test('a well-formed payload gives the message to show', () => {
  expect(read({ icon: 'https://cdn.example/i.png', image: 'https://cdn.example/big.png' })).toEqual({
    id: 'msg_1',
    title: 'Your basket misses you',
    body: '2 items',
    url: 'https://shop.example/cart?sl_push=msg_1',
    icon: 'https://cdn.example/i.png',
    image: 'https://cdn.example/big.png',
    tag: 'cart',
  });
});

test.each([
  ['no payload', undefined],
  ['not JSON', '{"v":1,'],
  ['JSON that is not an object', '"hello"'],
  ['null', 'null'],
])('%s is not a message', (_, text) => {
  expect(readMessage(text)).toBeUndefined();
});

test.each([
  ['another version', { v: 2 }],
  ['no version', { v: undefined }],
  ['no id', { id: undefined }],
  ['a blank title', { title: '  ' }],
  ['a number as title', { title: 7 }],
  ['no url', { url: undefined }],
  ['a relative url', { url: '/cart' }],
  ['a javascript: url', { url: 'javascript:alert(1)' }],
  ['a data: url', { url: 'data:text/html,hi' }],
])('a payload with %s is not a message', (_, fields) => {
  expect(read(fields)).toBeUndefined();
});

test('images other than https are left out, the message stays', () => {
  const message = read({ icon: 'http://cdn.example/i.png', image: 'javascript:1' });
  expect(message).toMatchObject({ id: 'msg_1', icon: undefined, image: undefined });
});

test('a missing body is empty, long texts are cut', () => {
  const message = read({ body: undefined, title: 'T'.repeat(1000), tag: 'x'.repeat(100) })!;
  expect(message.body).toBe('');
  expect(message.title).toHaveLength(200);
  expect(message.tag).toHaveLength(64);
});
