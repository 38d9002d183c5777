import { useEffect, useState } from 'preact/hooks';
import { makeFormat } from '../../format/format.ts';
import { useSiteCurrency } from '../../ui/site-currency.ts';
import { Await, Page, Section } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
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
  const [reviews, setReviews] = useState<AdminReview[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const first = useLoad(() => api.get<ReviewList>('/reviews', { site, status, limit: PAGE }), [api, site, status]);
  const ratings = useLoad(() => api.get<RatingsReport>('/reports/ratings', { site, ...period }), [api, site, period.from, period.to]);

  useEffect(() => {
    setReviews(first.data?.reviews ?? []);
    setNext(first.data?.next ?? null);
  }, [first.data]);

  const loadMore = async () => {
    if (!next) return;
    setMore(true);
    try {
      const page = await api.get<ReviewList>('/reviews', { site, status, limit: PAGE, before: next });
      setReviews((list) => [...list, ...page.reviews]);
      setNext(page.next);
    } finally {
      setMore(false);
    }
  };

  const names = new Map((ratings.data?.items ?? []).map((i) => [i.itemId, i.name]));
  const changed = (review: AdminReview) => {
    setReviews((list) => afterModeration(list, status, review));
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
        <Await state={first}>
          {() =>
            reviews.length === 0 ? (
              <p class="hint">{status === 'pending' ? 'Nothing waits for moderation.' : `No ${status} reviews.`}</p>
            ) : (
              <>
                <ul class="review-queue" data-queue={status}>
                  {reviews.map((r) => (
                    <ReviewCard key={r.id} api={api} review={r} productName={names.get(r.itemId) ?? null} f={f} onChanged={changed} />
                  ))}
                </ul>
                {next && (
                  <button type="button" class="secondary small" disabled={more} onClick={() => void loadMore()}>
                    {more ? 'Loading…' : 'Show older reviews'}
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
