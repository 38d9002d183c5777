import { useEffect, useState } from 'preact/hooks';
import { useLoad, type Loaded } from './use-load.ts';

export interface ListPage<Row> {
  rows: Row[];
  /** the cursor of the next older page, null at the end */
  next: string | null;
}

export interface PagedList<Row> {
  /** the first page's load (its error, Try again, and loading state for <Await>) */
  first: Loaded<ListPage<Row>>;
  /** every page loaded so far, newest first */
  rows: Row[];
  setRows(update: (rows: Row[]) => Row[]): void;
  next: string | null;
  /** an older page is on its way */
  loadingMore: boolean;
  loadMore(): Promise<void>;
}

/**
 * A newest-first list read a page at a time: the first page again whenever `deps` change, older pages appended on
 * demand (`before` is the cursor the previous page gave).
 */
export function usePagedList<Row>(load: (before: string | undefined) => Promise<ListPage<Row>>, deps: unknown[]): PagedList<Row> {
  const first = useLoad(() => load(undefined), deps);
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => {
    setRows(first.data?.rows ?? []);
    setNext(first.data?.next ?? null);
  }, [first.data]);

  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await load(next);
      setRows((list) => [...list, ...page.rows]);
      setNext(page.next);
    } finally {
      setLoadingMore(false);
    }
  };
  return { first, rows, setRows, next, loadingMore, loadMore };
}
