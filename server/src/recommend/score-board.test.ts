import { expect, test } from 'vitest';
import { ScoreBoard } from './score-board.ts';

test('keeps the best n, skipping some, with a tie-break; clear resets only what was written', () => {
  const board = new ScoreBoard();
  board.ensure(10);
  for (const [item, score] of [[3, 1], [5, 2], [7, 2], [1, 0.5], [9, 3], [5, 1]] as const) board.add(item, score);
  const lowerFirst = (a: number, b: number) => a < b;
  expect(board.top(3, new Set(), lowerFirst)).toEqual([5, 9, 7]); // 5 has 3 after two adds, ties 9 and wins
  expect(board.top(2, new Set([5]), lowerFirst)).toEqual([9, 7]);
  expect(board.max()).toBe(3);
  board.scale(2);
  expect(board.get(9)).toBe(6);
  board.clear();
  expect(board.size).toBe(0);
  expect(board.get(9)).toBe(0);
  board.ensure(5000); // growing keeps existing scores
  board.add(4999, 1);
  expect(board.top(5, new Set(), lowerFirst)).toEqual([4999]);
});
