import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The corpus of saved shop pages (README.md beside this file): each page's file, where it came from, and the product
// it shows as read by hand, for widget/test/real-pages.test.ts (happy-dom) and e2e/real-pages.test.ts (Chromium).

export const pagesDir = join(import.meta.dirname, '.');

/** What a product page shows, written down by hand from the page. */
export interface ExpectedItem {
  item_id: string;
  item_name: string;
  price: number | null;
  currency: string | null;
  availability: string | null;
}

export interface CorpusPage {
  file: string;
  kind: 'product' | 'listing';
  platform: string;
  /** the address the page was saved from: the page runs at it */
  url: string;
  source: { repo: string; path: string; commit: string; licence: string };
  kept: string;
  note?: string;
  /**
   * Fields the detectors cannot get right on this page, and why (a real limitation, not fixable within the size
   * budget). They are counted in the accuracy printed, left out of the goal, and pinned: the test fails when the
   * page's wrong fields are not exactly these (a regression, or a limitation gone).
   */
  limitation?: { fields: Field[]; why: string };
  /** null for listing and search pages: they must produce no product view */
  expected: ExpectedItem | null;
}

export const corpus = JSON.parse(readFileSync(join(pagesDir, 'expected.json'), 'utf8')) as { goal: number; pages: CorpusPage[] };

export const pageHtml = (page: CorpusPage): string => readFileSync(join(pagesDir, page.file), 'utf8');

export const fields = ['item_id', 'item_name', 'price', 'currency', 'availability'] as const;
export type Field = (typeof fields)[number];

/** Whether a detected value is the expected one: prices to the cent, currencies in any case, the rest exactly. */
export const sameValue = (field: Field, expected: unknown, actual: unknown): boolean => {
  if (expected == null) return actual == null;
  if (field == 'price') return typeof actual == 'number' && Math.abs(actual - (expected as number)) < 0.005;
  if (field == 'currency') return String(actual).toUpperCase() == expected;
  return String(actual) == String(expected);
};

/** The fields a product page's view gets wrong (every field when there is no view). */
export const wrongFields = (page: CorpusPage, view: Record<string, unknown> | undefined): Field[] =>
  fields.filter((field) => !view || !sameValue(field, page.expected![field], view[field]));

/**
 * Per field, the share of product pages whose detected product view has the expected value (a page without any
 * product view counts as wrong on every field); `held`, the same share without the fields a page records as a
 * limitation (what the goal applies to); the pages whose wrong fields are not exactly their recorded limitation;
 * and the listing pages that produced a product view.
 */
export const score = (views: Map<CorpusPage, Record<string, unknown> | undefined>) => {
  const products = corpus.pages.filter((page) => page.kind == 'product');
  const share = (field: Field, pages: CorpusPage[]) => {
    const right = pages.filter((page) => !wrongFields(page, views.get(page)).includes(field)).length;
    return { right, of: pages.length, share: right / pages.length };
  };
  const perField = Object.fromEntries(fields.map((field) => [field, share(field, products)])) as Record<
    Field,
    { right: number; of: number; share: number }
  >;
  const held = Object.fromEntries(
    fields.map((field) => [field, share(field, products.filter((page) => !page.limitation?.fields.includes(field)))]),
  ) as Record<Field, { right: number; of: number; share: number }>;
  const unpinned = products.filter(
    (page) => page.limitation && wrongFields(page, views.get(page)).join() != page.limitation.fields.join(),
  );
  const listingViews = corpus.pages.filter((page) => page.kind == 'listing' && views.get(page));
  return { perField, held, unpinned, listingViews };
};

/** The accuracy table the tests print. */
export const report = (title: string, result: ReturnType<typeof score>, views: Map<CorpusPage, Record<string, unknown> | undefined>) => {
  const lines = [title, 'field          right  of  share   without recorded limitations'];
  for (const field of fields) {
    const { right, of, share } = result.perField[field];
    const held = result.held[field];
    lines.push(
      `${field.padEnd(14)} ${String(right).padStart(5)} ${String(of).padStart(3)}  ${(share * 100).toFixed(1).padStart(5)} %  ` +
        `${held.right}/${held.of} ${(held.share * 100).toFixed(1)} %`,
    );
  }
  const listings = corpus.pages.filter((page) => page.kind == 'listing');
  lines.push(`listing pages with a product view: ${result.listingViews.length} of ${listings.length}`);
  for (const page of corpus.pages) {
    const view = views.get(page);
    const wrong =
      page.kind == 'listing'
        ? view && ['a product view']
        : wrongFields(page, view);
    const known = page.limitation ? ` [recorded limitation: ${page.limitation.fields.join(', ')}]` : '';
    if (wrong?.length) lines.push(`  ${page.file}: ${wrong.join(', ')}${known} (got ${JSON.stringify(view)})`);
  }
  return lines.join('\n');
};
