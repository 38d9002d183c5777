import type { Format } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { stars } from './review-queue.ts';
import type { ItemRating } from './types.ts';

/** Published reviews per product with their average, and what still waits in the queue. */
export function RatingsTable({ items, f }: { items: ItemRating[]; f: Format }) {
  return (
    <DataTable
      name="ratings"
      rows={items}
      rowKey={(r) => r.itemId}
      empty="No reviews yet."
      columns={[
        { label: 'Product', value: (r) => r.name ?? r.itemId, render: (r) => <span class="text">{r.name ?? r.itemId}</span> },
        { label: 'Item id', value: (r) => r.itemId, render: (r) => <span class="mono nowrap">{r.itemId}</span> },
        { label: 'Published', value: (r) => r.count, render: (r) => f.count(r.count), numeric: true },
        {
          label: 'Average',
          value: (r) => r.average,
          render: (r) =>
            r.average === null ? (
              '–'
            ) : (
              <span title={stars(r.average)}>
                <span class="stars" aria-hidden="true">
                  {stars(r.average)}
                </span>{' '}
                {f.decimal(r.average, 1)}
              </span>
            ),
          numeric: true,
        },
        { label: 'Pending', value: (r) => r.pending, render: (r) => f.count(r.pending), numeric: true },
      ]}
    />
  );
}
