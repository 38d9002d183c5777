import { h, render } from 'preact';
import type { BlockConfig } from '../../tracker/blocks.ts';
import { Contained } from '../Contained.tsx';
import { cardSelector, stopAsking } from './ask.ts';
import { ReviewCard } from './ReviewCard.tsx';
import { parseReviewRequests } from './review-requests.ts';

/**
 * Shows the review card for the requests in `answer` (the body of GET /v1/reviews/requests) at the end of <body>,
 * in a shadow root of its own, until it closes. One card at a time; none when no request has an item.
 * `data-shoploop-review-card` names the element for the shop's CSS and tests (it is not a block).
 */
export const showReviewCard = (answer: unknown, config: BlockConfig): void => {
  const requests = parseReviewRequests(answer);
  if (!requests.length || document.querySelector(cardSelector)) return;
  const host = document.createElement('div');
  host.setAttribute('data-shoploop-review-card', '');
  const root = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  const onClose = () => {
    render(null, root);
    host.remove();
  };
  render(h(Contained, null, h(ReviewCard, { requests, config, onClose, onNeverAgain: stopAsking })), root);
};
