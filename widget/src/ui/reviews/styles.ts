// Stylesheets of the `reviews` block and the `rating` stars, inside their shadow roots like the recommendation
// blocks' (../styles.ts): the shop's CSS cannot break them, they cannot leak out, and the shop themes them through
// the same --shoploop-* custom properties, which inherit into the shadow tree.

/** The stars: their text is five ★, a gradient clipped to the text paints the filled share (`--fill`). */
const starStyles = `
.stars {
  display: inline-block;
  letter-spacing: 0.1em;
  line-height: 1;
  white-space: nowrap;
  background: linear-gradient(90deg, var(--shoploop-star, #f5a623) var(--fill), var(--shoploop-star-empty, rgba(127, 127, 127, 0.35)) 0);
  -webkit-background-clip: text;
  background-clip: text;
  color: transparent;
}
`;

const hostStyles = `
:host {
  font-family: var(--shoploop-font, inherit);
  color: var(--shoploop-text, inherit);
}
:host([hidden]) { display: none !important; }
* { box-sizing: border-box; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/**
 * The compact stars for listings. The min-height the README's layout line gives every [data-shoploop] element is
 * for recommendation rows: a rating is one line high.
 */
export const ratingStyles = `${hostStyles}${starStyles}
:host { display: block; min-height: 0 !important; font-size: var(--shoploop-rating-size, 0.875em); }
.rating { display: inline-flex; align-items: baseline; gap: 0.35em; line-height: 1.3; }
.count { opacity: 0.75; }
`;

export const reviewsStyles = `${hostStyles}${starStyles}
:host { display: block; --gap: var(--shoploop-gap, 16px); --skeleton: var(--shoploop-skeleton, rgba(127, 127, 127, 0.15)); }
.title { margin: 0 0 var(--gap); font-size: var(--shoploop-title-size, 1.25em); line-height: 1.3; }
.summary { display: flex; flex-wrap: wrap; gap: var(--gap) calc(var(--gap) * 2); align-items: center; margin-bottom: var(--gap); }
.overall { margin: 0; display: grid; justify-items: start; gap: 0.25em; }
.average { font-size: 2.5em; font-weight: 600; line-height: 1; }
.overall .stars { font-size: 1.25em; }
.distribution { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.25em; min-width: min(100%, 16em); flex: 1 1 16em; max-width: 28em; }
.distribution li { display: grid; grid-template-columns: 3.5em 1fr 2.5em; gap: 0.5em; align-items: center; }
.share { height: 0.5em; border-radius: 0.25em; background: var(--skeleton); overflow: hidden; }
.share span { display: block; height: 100%; background: var(--shoploop-star, #f5a623); }
.n { text-align: end; font-variant-numeric: tabular-nums; }
.controls { display: flex; justify-content: flex-end; margin-bottom: 0.5em; }
select, button { font: inherit; color: inherit; }
select { padding: 0.25em 0.5em; border: 1px solid currentColor; border-radius: var(--shoploop-radius, 8px); background: transparent; }
.list { margin: 0; padding: 0; list-style: none; }
.review { padding: var(--gap) 0; border-top: 1px solid var(--shoploop-divider, rgba(127, 127, 127, 0.3)); }
.review-title { font-weight: 600; margin-inline-start: 0.5em; overflow-wrap: anywhere; }
.meta { margin: 0.25em 0; font-size: 0.875em; opacity: 0.75; }
.verified { margin-inline-start: 0.5em; }
.body { margin: 0.5em 0; white-space: pre-line; overflow-wrap: anywhere; }
.reply { margin: 0.5em 0 0.5em 1em; padding: 0.5em 1em; border-inline-start: 3px solid var(--shoploop-accent, currentColor); background: var(--skeleton); border-radius: 0 var(--shoploop-radius, 8px) var(--shoploop-radius, 8px) 0; }
.reply p { margin: 0.25em 0; white-space: pre-line; overflow-wrap: anywhere; }
.reply .meta { font-weight: 600; }
.helpful, .pager button {
  padding: 0.25em 0.75em;
  border: 1px solid currentColor;
  border-radius: var(--shoploop-radius, 8px);
  background: transparent;
  cursor: pointer;
}
button:disabled { cursor: default; opacity: 0.6; }
button:focus-visible, select:focus-visible { outline: 2px solid var(--shoploop-accent, currentColor); outline-offset: 2px; }
.pager { display: flex; align-items: center; justify-content: center; gap: 1em; padding-top: var(--gap); border-top: 1px solid var(--shoploop-divider, rgba(127, 127, 127, 0.3)); }
.bar { display: block; height: 1em; width: 60%; margin: 0.5em 0; border-radius: 4px; background: var(--skeleton); }
.empty { margin: 0; }
`;
