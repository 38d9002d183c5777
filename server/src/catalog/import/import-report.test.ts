import { expect, test } from 'vitest';
import { formatImportReport, type ImportReport } from './import-report.ts';

const report: ImportReport = {
  file: 'feeds/products.csv',
  format: 'csv',
  siteId: 'site_abc',
  rowsRead: 12_045,
  created: 11_980,
  updated: 30,
  unchanged: 8,
  changes: 95_990,
  rejected: 25,
  firstRejected: [
    { row: 4, line: 5, itemId: 'SKU-4', reason: 'price: "free" is not a price like 12.50 or 12.50 GBP' },
    { row: 310, line: 311, reason: 'no item id (a value in item_id, id, sku)' },
  ],
  duplicates: 2,
  firstDuplicateIds: ['SKU-9', 'SKU-12'],
  ignoredFields: ['description', 'gtin'],
};

test('the report lines up its counts and shows where each shown rejection is', () => {
  expect(formatImportReport(report)).toBe(
    [
      'Catalog import of feeds/products.csv (csv) into site site_abc',
      '  rows read       12,045',
      '  created         11,980',
      '  updated             30',
      '  unchanged            8',
      '  rejected            25',
      '  duplicate ids        2  (the last row for an id wins: SKU-9, SKU-12)',
      '  field changes   95,990  (kept in each product’s history)',
      '  ignored fields: description, gtin',
      '',
      'Rejected rows (first 2 of 25):',
      '  line 5    SKU-4: price: "free" is not a price like 12.50 or 12.50 GBP',
      '  line 311  no item id (a value in item_id, id, sku)',
    ].join('\n'),
  );
});

test('a clean import has no rejection or duplicate sections', () => {
  const clean = { ...report, rejected: 0, firstRejected: [], duplicates: 0, firstDuplicateIds: [], ignoredFields: [] };
  const text = formatImportReport(clean);
  expect(text).not.toContain('Rejected rows');
  expect(text).not.toContain('duplicate ids');
  expect(text).not.toContain('ignored fields');
});
