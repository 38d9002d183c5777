import { useState } from 'preact/hooks';
import { makeFormat } from '../../format/format.ts';
import { useSiteCurrency } from '../../ui/site-currency.ts';
import { Await, Page, Section } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import type { PageProps } from '../page-props.ts';
import { RatingsTable } from './ratings-table.tsx';
import { ReviewCard } from './review-card.tsx';
import { afterModeration } from './review-queue.ts';
import type { AdminReview, RatingsReport, ReviewList, ReviewStatus } from './types.ts';
import './reviews.css';

const PAGE = 25;
const tabs: Array<{ status: ReviewStatus; label: string }> = [
  { status: 'pending', label: 'Waiting' },
  { status: 'published', label: 'Published' },
  { status: 'rejected', label: 'Rejected' },
];

/** Moderation (publish, reject, reply) and the ratings per product. */
export function ReviewsPage({ api, site, period }: PageProps) {
  const f = makeFormat(useSiteCurrency(api, site));
  const [status, setStatus] = useState<ReviewStatus>('pending');
  const queue = usePagedList(
    (before) => api.get<ReviewList>('/reviews', { site, status, limit: PAGE, before }).then((p) => ({ rows: p.reviews, next: p.next })),
    [api, site, status],
  );
  const ratings = useLoad(() => api.get<RatingsReport>('/reports/ratings', { site, ...period }), [api, site, period.from, period.to]);

  const names = new Map((ratings.data?.items ?? []).map((i) => [i.itemId, i.name]));
  const changed = (review: AdminReview) => {
    queue.setRows((list) => afterModeration(list, status, review));
    ratings.reload();
  };

  return (
    <Page name="reviews" title="Reviews" intro="What buyers wrote, waiting for you or already decided, and the ratings each product shows.">
      <Section
        title="Moderation"
        actions={
          <div class="tabs" role="tablist">
            {tabs.map((t) => (
              <button key={t.status} type="button" role="tab" aria-selected={t.status === status} class={t.status === status ? 'small' : 'secondary small'} data-status={t.status} onClick={() => setStatus(t.status)}>
                {t.label}
              </button>
            ))}
          </div>
        }
      >
        <Await state={queue.first}>
          {() =>
            queue.rows.length === 0 ? (
              <p class="hint">{status === 'pending' ? 'Nothing waits for moderation.' : `No ${status} reviews.`}</p>
            ) : (
              <>
                <ul class="review-queue" data-queue={status}>
                  {queue.rows.map((r) => (
                    <ReviewCard key={r.id} api={api} review={r} productName={names.get(r.itemId) ?? null} f={f} onChanged={changed} />
                  ))}
                </ul>
                {queue.next && (
                  <button type="button" class="secondary small" disabled={queue.loadingMore} onClick={() => void queue.loadMore()}>
                    {queue.loadingMore ? 'Loading…' : 'Show older reviews'}
                  </button>
                )}
              </>
            )
          }
        </Await>
      </Section>
      <Section title={period.from ? 'Ratings per product (reviews written in the period)' : 'Ratings per product (all time)'}>
        <Await state={ratings}>{(r) => <RatingsTable items={r.items} f={f} />}</Await>
      </Section>
    </Page>
  );
}
