import { expect, test } from 'vitest';
import { pushTopic } from './push-topic.ts';

test('a topic that fits RFC 8030 is kept', () => {
  expect(pushTopic('cart-v_123')).toBe('cart-v_123');
  expect(pushTopic('a'.repeat(32))).toBe('a'.repeat(32));
});

test('any other becomes 32 characters of base64url, the same each time and different per topic', () => {
  const long = pushTopic('a'.repeat(33))!;
  expect(long).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect(pushTopic('a'.repeat(33))).toBe(long);
  expect(pushTopic('cart:v/123')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect(pushTopic('cart:v/123')).not.toBe(pushTopic('cart:v/124'));
});

test('no topic', () => {
  expect(pushTopic(undefined)).toBeUndefined();
  expect(pushTopic('')).toBeUndefined();
});
