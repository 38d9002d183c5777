import { describe, expect, test } from 'vitest';
import { CliError } from '../cli/args.ts';
import { parseReplayArgs } from './cli-options.ts';

describe('parseReplayArgs', () => {
  test('reads the file and every option', () => {
    expect(parseReplayArgs(['uci', 'data.csv.gz', '--site', 'site_x', '--keep-dates', '--limit-customers', '300', '--since=2011-09-01'])).toEqual({
      file: 'data.csv.gz',
      siteId: 'site_x',
      keepDates: true,
      limitCustomers: 300,
      since: Date.UTC(2011, 8, 1),
    });
  });

  test('defaults: the demo site, dates moved to now, the whole file', () => {
    expect(parseReplayArgs(['uci', 'data.csv'])).toEqual({ file: 'data.csv', siteId: undefined, keepDates: false, limitCustomers: undefined, since: undefined });
  });

  test.each([
    [[], /usage/],
    [['csv', 'data.csv'], /usage/],
    [['uci'], /usage/],
    [['uci', 'a.csv', 'b.csv'], /usage/],
    [['uci', 'a.csv', '--limit', '3'], /unknown option --limit/],
    [['uci', 'a.csv', '--limit-customers', '0'], /whole number above 0/],
    [['uci', 'a.csv', '--limit-customers', '2.5'], /whole number above 0/],
    [['uci', 'a.csv', '--since', '1 Sept 2011'], /YYYY-MM-DD/],
    [['uci', 'a.csv', '--since', '2011-02-30'], /YYYY-MM-DD/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseReplayArgs(argv)).toThrow(CliError);
    expect(() => parseReplayArgs(argv)).toThrow(message);
  });
});
