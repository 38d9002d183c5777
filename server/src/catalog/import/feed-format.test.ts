import { expect, test } from 'vitest';
import { detectFeedFormat } from './feed-format.ts';

test('the extension names the format, looking through .gz', () => {
  expect(detectFeedFormat('feeds/products.json')).toBe('json');
  expect(detectFeedFormat('products.JSONL')).toBe('jsonl');
  expect(detectFeedFormat('products.ndjson.gz')).toBe('jsonl');
  expect(detectFeedFormat('products.csv')).toBe('csv');
  expect(detectFeedFormat('products.tsv')).toBe('csv');
  expect(detectFeedFormat('merchant-feed.txt')).toBe('csv');
  expect(detectFeedFormat('merchant.xml.gz')).toBe('xml');
});

test('--format overrides the extension', () => {
  expect(detectFeedFormat('export.dat', 'XML')).toBe('xml');
  expect(detectFeedFormat('products.csv', 'json')).toBe('json');
});

test('an unknown extension or format is an error that says what to pass', () => {
  expect(() => detectFeedFormat('products.dat')).toThrow(/--format json\|jsonl\|csv\|xml/);
  expect(() => detectFeedFormat('products')).toThrow(/--format/);
  expect(() => detectFeedFormat('products.gz')).toThrow(/--format/);
  expect(() => detectFeedFormat('products.csv', 'yaml')).toThrow(/unknown feed format "yaml"/);
});
