import type { FeedFormat } from './feed-format.ts';
import type { FeedRow } from './feed-row.ts';
import { parseCsvFeed } from './parse-csv-feed.ts';
import { parseJsonFeed, parseJsonLinesFeed } from './parse-json-feed.ts';
import { parseXmlFeed } from './parse-xml-feed.ts';

const parsers: Record<FeedFormat, (text: AsyncIterable<string>) => AsyncIterable<FeedRow>> = {
  json: parseJsonFeed,
  jsonl: parseJsonLinesFeed,
  csv: parseCsvFeed,
  xml: parseXmlFeed,
};

/** The records of a feed in `format`, in file order, each still raw. */
export const parseFeed = (format: FeedFormat, text: AsyncIterable<string>): AsyncIterable<FeedRow> => parsers[format](text);
