// The reviews chunk, shoploop-reviews.js: imported by the UI bundle (../shoploop-ui.ts) beside itself the first
// time a page has a `reviews` block or `rating` stars, or the visitor has review requests, so pages with
// recommendation blocks only do not load it. It takes Preact from the UI bundle.
export { Rating } from './Rating.tsx';
export { Reviews } from './Reviews.tsx';
export { showReviewCard } from './card-host.ts';
