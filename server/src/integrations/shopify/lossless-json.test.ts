import { expect, test } from 'vitest';
import { parseJsonKeepingLongIntegers } from './lossless-json.ts';

test('a 64-bit id keeps its digits; JSON.parse rounds it to another id', () => {
  const text = '{"id":820982911946154508,"line_items":[{"product_id":788032119674292922,"quantity":2}]}';
  expect(String((JSON.parse(text) as { id: number }).id)).toBe('820982911946154500');
  expect(parseJsonKeepingLongIntegers(text)).toEqual({ id: '820982911946154508', line_items: [{ product_id: '788032119674292922', quantity: 2 }] });
});

test('numbers a double holds exactly stay numbers, whatever their length', () => {
  expect(parseJsonKeepingLongIntegers('[5940139491234, 9007199254740991, -42, 254.98, 1e21, 0]')).toEqual([5940139491234, 9007199254740991, -42, 254.98, 1e21, 0]);
  expect(parseJsonKeepingLongIntegers('[9007199254740993, -9007199254740993]')).toEqual(['9007199254740993', '-9007199254740993']);
});

test('digits inside strings, fractions and exponents are left alone', () => {
  const text = String.raw`{"note":"order 820982911946154508 \"id\":820982911946154508","pi":3.14159265358979323846,"big":1.5e1234567890123456}`;
  const parsed = parseJsonKeepingLongIntegers(text) as Record<string, unknown>;
  expect(parsed.note).toBe('order 820982911946154508 "id":820982911946154508');
  expect(parsed.pi).toBeCloseTo(3.14159265358979, 12);
  expect(parsed.big).toBe(Infinity);
});

test('invalid JSON is still refused', () => {
  expect(() => parseJsonKeepingLongIntegers('{"id":820982911946154508')).toThrow(SyntaxError);
  expect(() => parseJsonKeepingLongIntegers('{"id":0820982911946154508}')).toThrow(SyntaxError);
});
