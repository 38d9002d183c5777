import { expect, test } from 'vitest';
import { spamSign, textKey } from './spam.ts';

const text = (body: string) => ({ title: null, body, author: null });

test('links and repeated characters are spam signs; ordinary reviews are not', () => {
  for (const body of ['see https://x.example', 'http://x', 'www.deals.example', 'buy at cheapmugs.com!', 'CHEAP.RU prices', 'aaaaaaaaaaaa', '!!!!!!!!!!!!!!!']) {
    expect(spamSign(text(body)), body).not.toBeNull();
  }
  for (const body of ['5.0 stars, e.g. for tea', 'Soooo good', 'Fits 0.5 l. Great!', 'It is 30 cm wide; the box said so.', 'Love it!!!', 'ok']) {
    expect(spamSign(text(body)), body).toBeNull();
  }
  expect(spamSign({ title: 'fine', body: null, author: 'www.me.example' })).toBe('contains a link');
});

test('the same text, told apart from common short phrases', () => {
  const a = 'Best mug I have ever owned, keeps coffee hot.';
  expect(textKey(a)).toBe(textKey(`  ${a.toUpperCase()}!!`));
  expect(textKey(a)).not.toBe(textKey('Best mug I have ever owned, keeps tea hot.'));
  expect(textKey('Great mug!')).toBeNull();
  expect(textKey(null)).toBeNull();
});
