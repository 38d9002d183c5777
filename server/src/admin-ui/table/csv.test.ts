import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

test('commas, quotes and line breaks are quoted; quotes doubled', () => {
  expect(csvCell('plain')).toBe('plain');
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('two\nlines')).toBe('"two\nlines"');
  expect(csvCell('cr\r')).toBe('"cr\r"');
  expect(csvCell(' padded ')).toBe('" padded "');
});

test('text that a spreadsheet would run as a formula is neutralised; numbers are not', () => {
  expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  expect(csvCell('+1')).toBe("'+1");
  expect(csvCell('-2+3')).toBe("'-2+3");
  expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(csvCell('\t=1')).toBe("'\t=1");
  expect(csvCell('  =1+1')).toBe("'  =1+1"); // spreadsheets skip the spaces
  expect(csvCell('\n=1')).toBe(`"'\n=1"`);
  expect(csvCell('\uFF1D1+1')).toBe("'\uFF1D1+1"); // the full-width equals sign
  expect(csvCell(-3.5)).toBe('-3.5');
  expect(csvCell('a=b')).toBe('a=b');
});

test('empty and non-finite values are empty cells', () => {
  expect([csvCell(null), csvCell(undefined), csvCell(Number.NaN), csvCell(0), csvCell(false)]).toEqual(['', '', '', '0', 'false']);
});

test('a real CSV parser reads back exactly what was written', () => {
  const rows = [
    ['<img src=x onerror=alert(1)>', 12.5, null],
    ['comma, "quote"\nnewline', -1, 'ok'],
  ];
  const csv = toCsv(['name', 'revenue', 'note'], rows);
  expect(csv.endsWith('\r\n')).toBe(true);
  expect(parse(csv, { relax_column_count: false })).toEqual([
    ['name', 'revenue', 'note'],
    ['<img src=x onerror=alert(1)>', '12.5', ''],
    ['comma, "quote"\nnewline', '-1', 'ok'],
  ]);
});
