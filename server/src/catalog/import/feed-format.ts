import { basename } from 'node:path';

/** How a feed file is laid out; `jsonl` is one JSON object per line. Compression is detected separately. */
export const feedFormats = ['json', 'jsonl', 'csv', 'xml'] as const;
export type FeedFormat = (typeof feedFormats)[number];

const byExtension: Record<string, FeedFormat> = {
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  csv: 'csv',
  tsv: 'csv',
  // Google Merchant's "text" feeds are tab-separated .txt files
  txt: 'csv',
  xml: 'xml',
  rss: 'xml',
  atom: 'xml',
};

export const isFeedFormat = (s: string): s is FeedFormat => (feedFormats as readonly string[]).includes(s);

/** The format named by `override`, else the one the file's extension says (`.gz` looked through). */
export function detectFeedFormat(file: string, override?: string): FeedFormat {
  if (override !== undefined) {
    const wanted = override.toLowerCase();
    if (!isFeedFormat(wanted)) throw new Error(`unknown feed format "${override}" (one of ${feedFormats.join(', ')})`);
    return wanted;
  }
  const parts = basename(file).toLowerCase().split('.');
  if (parts.at(-1) === 'gz') parts.pop();
  const format = parts.length > 1 ? byExtension[parts.at(-1)!] : undefined;
  if (!format) throw new Error(`cannot tell the format of ${basename(file)} from its extension: pass --format json|jsonl|csv|xml`);
  return format;
}
