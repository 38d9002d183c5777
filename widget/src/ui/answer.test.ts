import { expect, test } from 'vitest';
import { parseAnswer } from './answer.ts';

test('the documented shape passes; odd fields become null, items without an id are dropped', () => {
  expect(
    parseAnswer({
      rec_id: 'r_1',
      scenario: 'popular',
      extra: true,
      items: [
        { item_id: 'A', name: 'Mug', price: 4.5, image: 'https://i/a.jpg', url: 'https://s/a' },
        { item_id: 'B', name: 7, price: '4.50', image: {}, url: '' },
        { item_id: 42, name: 'a number id' },
        { name: 'no id' },
        null,
        'junk',
      ],
    }),
  ).toEqual({
    rec_id: 'r_1',
    scenario: 'popular',
    items: [
      { item_id: 'A', name: 'Mug', price: 4.5, image: 'https://i/a.jpg', url: 'https://s/a' },
      { item_id: 'B', name: null, price: null, image: null, url: null },
    ],
  });
});

test.each([undefined, null, 'text', [], { items: [] }, { rec_id: 'r', scenario: '', items: [] }, { rec_id: 'r', scenario: 's', items: {} }])(
  'no answer: %j',
  (body) => expect(parseAnswer(body)).toBeUndefined(),
);
