import { expect, test } from 'vitest';
import type { Click } from '../types.ts';
import { predictionPoints } from './protocol.ts';

const click = (sessionId: string, itemId: string, time: number): Click => ({ sessionId, itemId, time });

test('each prefix of a time-sorted session predicts the next click; position 0 has one click of context', () => {
  const test = [click('s', 'c', 3), click('s', 'a', 1), click('s', 'b', 2), click('s', 'd', 4)];
  const { points } = predictionPoints(test, new Set(['a', 'b', 'c', 'd']));
  expect(points.map((p) => [p.position, p.prefix.join(''), p.target, p.time])).toEqual([
    [0, 'a', 'b', 1],
    [1, 'ab', 'c', 2],
    [2, 'abc', 'd', 3],
  ]);
});

test('clicks on items unknown to training are removed first, then sessions shorter than two are dropped', () => {
  const test = [
    click('one', 'a', 1), click('one', 'new', 2), click('one', 'b', 3), // becomes a → b
    click('two', 'a', 1), click('two', 'new', 2), // becomes a single click: dropped
    click('three', 'b', 5),
  ];
  const result = predictionPoints(test, new Set(['a', 'b']));
  expect(result.points.map((p) => `${p.sessionId}:${p.prefix.join('')}>${p.target}`)).toEqual(['one:a>b']);
  expect(result.sessions).toBe(1);
  expect(result.unseenClicks).toBe(2);
});

test('repeated items stay in the sequence: re-clicking counts as a prediction point', () => {
  const { points } = predictionPoints([click('s', 'a', 1), click('s', 'a', 2)], new Set(['a']));
  expect(points).toHaveLength(1);
  expect(points[0]).toMatchObject({ prefix: ['a'], target: 'a' });
});

test('maxSessions keeps the first sessions in file order', () => {
  const test = [click('x', 'a', 1), click('x', 'b', 2), click('y', 'a', 1), click('y', 'b', 2), click('z', 'a', 0), click('z', 'b', 1)];
  const { points, sessions } = predictionPoints(test, new Set(['a', 'b']), 2);
  expect(sessions).toBe(2);
  expect(points.map((p) => p.sessionId)).toEqual(['x', 'y']);
});
