import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FeedReadError } from './feed-row.ts';
import { decodeEntities, parseXmlFeed } from './parse-xml-feed.ts';
import { splitXmlItems } from './split-xml-items.ts';
import { chunked, collect } from './testing/feed-text.ts';

const merchantXml = readFileSync(new URL('./fixtures/merchant.xml', import.meta.url), 'utf8');
const parse = (text: string, chunkSize?: number) => collect(parseXmlFeed(chunked(text, chunkSize)));

describe('parseXmlFeed', () => {
  test('Merchant RSS items become records keyed without the g: prefix, values kept as text', async () => {
    const rows = await parse(merchantXml);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      row: 1,
      line: 7,
      fields: {
        id: 'MUG-001',
        title: 'Enamel Mug & Saucer',
        link: 'https://shop.example/product/MUG-001',
        image_link: 'https://shop.example/images/MUG-001.jpg',
        price: '12.50 GBP',
        availability: 'in stock',
        brand: 'Loop & Co.',
        product_type: 'Home > Kitchen > Mugs',
        shipping: { country: 'GB', price: '3.95 GBP' },
      },
    });
    expect(rows[1]).toMatchObject({ row: 2, line: 21, fields: { id: '00042', title: 'Tea Towel, "Retrospot" </item> edition', sale_price: '6.00 GBP' } });
  });

  test('the same records whatever size the chunks arrive in', async () => {
    expect(await parse(merchantXml, 7)).toEqual(await parse(merchantXml));
    expect(await parse(merchantXml, 1)).toEqual(await parse(merchantXml));
  });

  test('Atom entries, with <link href>', async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
      <title>Shop</title>
      <entry><g:id>A1</g:id><title>Lamp</title><link rel="alternate" href="https://shop.example/p/a1?x=1&amp;y=2"/></entry>
    </feed>`;
    expect(await parse(atom)).toEqual([{ row: 1, line: 3, fields: { id: 'A1', title: 'Lamp', link: 'https://shop.example/p/a1?x=1&y=2' } }]);
  });

  test('a malformed item is one unreadable row and the next item still reads', async () => {
    const xml = '<rss><channel>\n<item><g:id>A</g:id><title>Fish < Chips</title></item>\n<item><g:id>B</g:id></item>\n</channel></rss>';
    const rows = await parse(xml);
    expect(rows).toEqual([
      { row: 1, line: 2, unreadable: expect.stringMatching(/^malformed XML/) },
      { row: 2, line: 3, fields: { id: 'B' } },
    ]);
  });

  test('a file cut off inside an item stops with the line the item starts on', async () => {
    const xml = '<rss><channel>\n<item><g:id>A</g:id></item>\n<item><g:id>B</g:';
    const rows: unknown[] = [];
    const reading = (async () => {
      for await (const row of parseXmlFeed(chunked(xml, 10))) rows.push(row);
    })();
    await expect(reading).rejects.toThrow(FeedReadError);
    await expect(reading).rejects.toThrow(/^line 3: the file ends inside the <item>/);
    expect(rows).toHaveLength(1);
  });

  test('a document with no items has no rows', async () => {
    expect(await parse('<?xml version="1.0"?><rss><channel><title>Empty</title></channel></rss>')).toEqual([]);
  });
});

describe('splitXmlItems', () => {
  test('comments and CDATA are skipped whole, and nested same-name elements stay in their item', async () => {
    const xml = '<rss><!-- a > b <item>not one</item> --><item><a><![CDATA[2 > 1 </item>]]></a><item>inner</item></item></rss>';
    const items = [];
    for await (const item of splitXmlItems(chunked(xml, 3))) items.push(item.xml);
    expect(items).toEqual(['<item><a><![CDATA[2 > 1 </item>]]></a><item>inner</item></item>']);
  });
});

test('decodeEntities decodes once: the five XML names and numeric references', () => {
  expect(decodeEntities('A &amp; B &lt;3 &#233;t&#xE9; &amp;lt; &nbsp;')).toBe('A & B <3 été &lt; &nbsp;');
});
