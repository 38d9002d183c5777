import { expect, test } from 'vitest';
import { jsonForHtml } from './json-for-html.ts';

test('JSON safe inside a <script> element: nothing that ends it or opens a comment, and the same value back', () => {
  const value = { body: '</script><script>alert(1)</script><!-- & \u2028\u2029', author: '<img src=x onerror=alert(1)>' };
  const json = jsonForHtml(value);
  expect(json).not.toMatch(/[<>&\u2028\u2029]/);
  expect(JSON.parse(json)).toEqual(value);
});
