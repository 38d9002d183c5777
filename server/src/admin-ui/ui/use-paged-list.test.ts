// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import { usePagedList, type PagedList } from './use-paged-list.ts';

afterEach(() => render(null, document.body));

/** Preact runs effects after the next frame */
const settled = () => new Promise((r) => setTimeout(r, 150));

test('the first page, then older pages appended by their cursor; a change of deps starts again from the first', async () => {
  const asked: Array<[string, string | undefined]> = [];
  const pages: Record<string, { rows: string[]; next: string | null }> = {
    'a:': { rows: ['a3', 'a2'], next: 'c1' },
    'a:c1': { rows: ['a1'], next: null },
    'b:': { rows: ['b1'], next: null },
  };
  let list!: PagedList<string>;
  function Probe({ kind }: { kind: string }) {
    list = usePagedList(async (before) => (asked.push([kind, before]), pages[`${kind}:${before ?? ''}`]!), [kind]);
    return null;
  }
  render(h(Probe, { kind: 'a' }), document.body);
  await settled();
  expect(list.rows).toEqual(['a3', 'a2']);
  expect(list.next).toBe('c1');
  await list.loadMore();
  await settled();
  expect(list.rows).toEqual(['a3', 'a2', 'a1']);
  expect(list.next).toBeNull();
  list.setRows((rows) => rows.filter((r) => r !== 'a2'));
  await settled();
  expect(list.rows).toEqual(['a3', 'a1']);
  render(h(Probe, { kind: 'b' }), document.body);
  await settled();
  expect(list.rows).toEqual(['b1']);
  expect(asked).toEqual([['a', undefined], ['a', 'c1'], ['b', undefined]]);
});
