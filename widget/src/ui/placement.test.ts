import { expect, test } from 'vitest';
import { readPlacement } from './placement.ts';

const element = (html: string) => {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
};

test('every attribute is read', () => {
  const placement = readPlacement(
    element(`<div data-shoploop="also-bought" data-item="SKU" data-category="Mugs" data-limit="6" data-min="2"
      data-title="Goes with it" data-currency="GBP"></div>`),
  );
  expect(placement).toEqual({
    scenario: 'also-bought',
    item: 'SKU',
    category: 'Mugs',
    limit: 6,
    min: 2,
    title: 'Goes with it',
    currency: 'GBP',
  });
});

test('defaults: auto, 8 items, at least 1; empty attributes count as absent', () => {
  expect(readPlacement(element('<div data-shoploop data-item="" data-title=""></div>'))).toEqual({
    scenario: 'auto',
    limit: 8,
    min: 1,
  });
});

test('counts are whole numbers from 1 to 50', () => {
  const counts = (limit: string, min: string) => {
    const { limit: l, min: m } = readPlacement(element(`<div data-shoploop data-limit="${limit}" data-min="${min}"></div>`));
    return [l, m];
  };
  expect(counts('100', '3.6')).toEqual([50, 4]);
  expect(counts('0', '-2')).toEqual([8, 1]);
  expect(counts('many', '')).toEqual([8, 1]);
});
