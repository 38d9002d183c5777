import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { BlockTracker } from '../tracker/blocks.ts';
import type { Answer } from './answer.ts';
import { Card, SkeletonCard } from './Card.tsx';
import { watchImpression } from './impression.ts';
import type { Placement } from './placement.ts';
import { report } from './report.ts';
import { fetchAnswer } from './request.ts';
import { Row } from './Row.tsx';
import { styles } from './styles.ts';
import { titleFor } from './titles.ts';

export interface BlockProps {
  /** the page's `[data-shoploop]` element, whose shadow root this renders into */
  host: HTMLElement;
  placement: Placement;
  /** what to ask (see request.ts); undefined when there is nothing to ask, and nothing to show */
  url: string | undefined;
  /** the page's URL: on a new one (a single-page app's navigation) the block asks again */
  page: string | undefined;
  currency: string | undefined;
  track: BlockTracker['track'];
}

/**
 * One recommendation block: skeleton cards until the answer comes, then its cards in the same box; nothing at all
 * (the element is hidden) when the answer is an error or holds fewer than `min` items. Reports rec_impression
 * once per answer when half of it is in view, and rec_click for a card followed.
 */
export function Block({ host, placement, url, page, currency, track }: BlockProps) {
  // undefined until the first answer; null when there is none (an error). A new question keeps showing the
  // last answer until its own comes, so a single-page app's navigation does not flash skeletons.
  const [answer, setAnswer] = useState<Answer | null>();
  useEffect(() => {
    if (!url) return;
    let current = true;
    void fetchAnswer(url).then((next) => current && setAnswer(next ?? null));
    return () => void (current = false);
  }, [url, page]);

  const items = answer?.items.slice(0, placement.limit) ?? [];
  const empty = !url || answer === null || (answer && items.length < placement.min);
  // before the browser paints: a block with nothing to show must not flash a skeleton
  useLayoutEffect(() => void (host.hidden = !!empty), [empty]);
  useEffect(
    () => (answer && !empty ? watchImpression(host, () => report(track, 'rec_impression', answer, items)) : undefined),
    [answer, empty],
  );
  const style = <style>{styles}</style>;
  // the stylesheet stays: its `:host([hidden])` rule is what collapses the element against the shop's own CSS
  if (empty) return style;

  const title = placement.title ?? (answer ? titleFor(answer.scenario) : placement.scenario != 'auto' && titleFor(placement.scenario));
  return (
    <>
      {style}
      <h2 class="title">{title || <span class="bar" aria-hidden="true" />}</h2>
      <Row size={answer ? items.length : placement.limit}>
        {answer
          ? items.map((item) => (
              <Card key={item.item_id} item={item} currency={currency} onOpen={() => report(track, 'rec_click', answer, [item])} />
            ))
          : Array.from({ length: placement.limit }, (_, index) => <SkeletonCard key={index} />)}
      </Row>
    </>
  );
}
