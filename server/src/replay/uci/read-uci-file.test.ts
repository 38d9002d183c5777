import { describe, expect, test } from 'vitest';
import { writeUciFile } from '../testing/uci-file.ts';
import { groupInvoices } from './invoices.ts';
import { readUciFile, UciFileError } from './read-uci-file.ts';
import { parseUciDate } from './uci-line.ts';

const csv = `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
536365,POST,POSTAGE,1,2010-12-01 08:26:00,18,17850,United Kingdom
536366,22633,"HAND WARMER, UNION JACK",6,2010-12-01 08:28:00,1.85,,United Kingdom
536365,71053,"RECORD FRAME 7"" SINGLE SIZE",6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
536367,22960,JAM MAKING SET,0,2010-12-01 08:34:00,4.25,13047,United Kingdom
536368,22961,JAM POT,3,2010-12-01 08:34:00,0,13047,United Kingdom
C536379,22961,JAM POT,-3,2010-12-01 09:41:00,1.45,,United Kingdom
536370,22728,ALARM CLOCK,24,2010-13-01 08:45:00,3.75,12583,France
536370,22727,ALARM CLOCK RED,twelve,2010-12-01 08:45:00,3.75,12583,France
C536383,22727,ALARM CLOCK RED,-1,2010-12-01 09:49:00,3.75,12583,France
536371,gift_0001_20,GIFT VOUCHER,1,2010-12-01 09:00:00,17,12583,France
`;

describe('readUciFile', () => {
  test('parses a gzipped file, keeping each line’s place in its invoice and counting what it skips', async () => {
    const file = await readUciFile(writeUciFile(csv));
    expect(file.linesRead).toBe(11);
    expect(file.lines.map((l) => [l.invoiceNo, l.position, l.stockCode, l.quantity, l.customerId])).toEqual([
      ['536365', 0, '85123A', 6, '17850'],
      ['536366', 0, '22633', 6, null],
      ['536365', 2, '71053', 6, '17850'], // 17850.0 is customer 17850; position 1 was the postage line
      ['C536383', 0, '22727', -1, '12583'],
    ]);
    expect(file.lines[1]!.description).toBe('HAND WARMER, UNION JACK');
    expect(file.lines[2]!.description).toBe('RECORD FRAME 7" SINGLE SIZE');
    expect(file.lines[0]!.at).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(file.lines[3]!.cancellation).toBe(true);
    expect(Object.fromEntries(file.skipped)).toEqual({ service_code: 2, negative_quantity: 1, zero_price: 1, guest_cancellation: 1, unparseable: 2 });
  });

  test('refuses a file that is not the UCI layout, and one that is not there', async () => {
    await expect(readUciFile(writeUciFile('id,title,price\nA,Mug,4\n'))).rejects.toThrow(/missing column\(s\) InvoiceNo, StockCode/);
    await expect(readUciFile('/nonexistent/onlineretail.csv.gz')).rejects.toThrow(UciFileError);
  });
});

describe('groupInvoices', () => {
  test('groups lines by invoice, oldest invoice first, lines in file order even when an invoice is split', async () => {
    const file = await readUciFile(writeUciFile(csv));
    const invoices = groupInvoices(file.lines);
    expect(invoices.map((i) => [i.invoiceNo, i.lines.map((l) => l.stockCode), i.customerId, i.cancellation])).toEqual([
      ['536365', ['85123A', '71053'], '17850', false],
      ['536366', ['22633'], null, false],
      ['C536383', ['22727'], '12583', true],
    ]);
  });
});

describe('parseUciDate', () => {
  test('reads the file’s UTC times and refuses dates that do not exist', () => {
    expect(parseUciDate('2011-12-09 12:50:00')).toBe(Date.UTC(2011, 11, 9, 12, 50));
    expect(parseUciDate('2011-12-09 12:50')).toBe(Date.UTC(2011, 11, 9, 12, 50));
    for (const bad of ['2011-02-30 10:00:00', '2011-13-01 10:00:00', '2011-12-09 24:00:00', '09/12/2011 12:50', '']) expect(parseUciDate(bad)).toBeNaN();
  });
});
