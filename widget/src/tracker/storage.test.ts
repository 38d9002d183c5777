import { afterEach, expect, test } from 'vitest';
import { load, save } from './storage.ts';

afterEach(() => localStorage.clear());

test('values live in localStorage', () => {
  save('shoploop:test', 'a b');
  expect(localStorage.getItem('shoploop:test')).toBe('a b');
  expect(load('shoploop:test')).toBe('a b');
  save('shoploop:test', ''); // forgets it
  expect(localStorage.getItem('shoploop:test')).toBe('');
  expect(load('shoploop:test')).toBeFalsy();
});

test('where localStorage throws, values last in memory and nothing throws', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!;
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('denied', 'SecurityError');
    },
  });
  try {
    save('shoploop:test', 'x');
    expect(load('shoploop:test')).toBe('x');
    save('shoploop:test', ''); // forgets it
    expect(load('shoploop:test')).toBeFalsy();
  } finally {
    Object.defineProperty(globalThis, 'localStorage', original);
  }
});
