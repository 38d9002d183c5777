import { afterEach, expect, test } from 'vitest';
import { load, remove, save } from './storage.ts';

afterEach(() => localStorage.clear());

test('values live in localStorage', () => {
  save('shoploop:test', 'a b');
  expect(localStorage.getItem('shoploop:test')).toBe('a b');
  expect(load('shoploop:test')).toBe('a b');
  remove('shoploop:test');
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
    remove('shoploop:test');
    expect(load('shoploop:test')).toBeFalsy();
  } finally {
    Object.defineProperty(globalThis, 'localStorage', original);
  }
});
