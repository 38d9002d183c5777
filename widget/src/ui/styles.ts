// The blocks' stylesheet, inside each block's shadow root: the shop's CSS cannot break it, and it cannot leak
// out. The shop themes it through the --shoploop-* custom properties (they inherit into the shadow tree); the
// defaults below take the page's font and colours.
//
// No layout shift: every card has the same height whatever it holds (a fixed image ratio, two lines of name,
// one of price), the skeleton has the cards' exact shape, and the row scrolls sideways instead of wrapping, so
// the block is one card high from the moment it mounts, however many items the answer has.
export const styles = `
:host {
  display: block;
  font-family: var(--shoploop-font, inherit);
  color: var(--shoploop-text, inherit);
  --gap: var(--shoploop-gap, 16px);
  --radius: var(--shoploop-radius, 8px);
  --skeleton: var(--shoploop-skeleton, rgba(127, 127, 127, 0.15));
  --columns: var(--shoploop-columns, 4);
}
:host([hidden]) { display: none !important; }
@media (max-width: 40em) { :host { --columns: var(--shoploop-columns, 2); } }
* { box-sizing: border-box; }
.title {
  margin: 0 0 var(--gap);
  font-size: var(--shoploop-title-size, 1.25em);
  line-height: 1.3;
  height: 1.3em;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.frame { position: relative; }
.row {
  display: grid;
  grid-auto-flow: column;
  grid-auto-columns: calc((100% - (var(--columns) - 1) * var(--gap)) / var(--columns));
  gap: var(--gap);
  margin: 0;
  padding: 0;
  list-style: none;
  overflow-x: auto;
  scroll-snap-type: x mandatory;
  scrollbar-width: none;
}
.row::-webkit-scrollbar { display: none; }
.card {
  scroll-snap-align: start;
  min-width: 0;
  background: var(--shoploop-card-bg, transparent);
  border-radius: var(--radius);
  overflow: hidden;
}
.link { display: block; padding-bottom: var(--shoploop-card-padding, 0); color: inherit; text-decoration: none; }
.link:focus-visible { outline: 2px solid var(--shoploop-accent, currentColor); outline-offset: -2px; }
.image {
  display: block;
  aspect-ratio: var(--shoploop-image-ratio, 1);
  background: var(--skeleton);
  border-radius: var(--radius);
  overflow: hidden;
}
.image img { display: block; width: 100%; height: 100%; object-fit: var(--shoploop-image-fit, cover); }
.name, .price { display: block; padding-inline: var(--shoploop-card-padding, 0); line-height: 1.3; overflow: hidden; }
.name {
  margin: 0.5em 0 0.25em;
  height: 2.6em;
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 2;
}
.price { height: 1.3em; white-space: nowrap; font-weight: 600; color: var(--shoploop-accent, inherit); }
.bar { display: inline-block; width: 60%; height: 0.9em; border-radius: 4px; background: var(--skeleton); vertical-align: middle; }
.name .bar { width: 90%; }
.price .bar { width: 35%; }
.page {
  position: absolute;
  top: 0;
  width: 2.5em;
  height: 2.5em;
  margin-top: calc(50% / var(--columns) / var(--shoploop-image-ratio, 1) - 1.25em);
  border: 0;
  border-radius: 50%;
  background: var(--shoploop-button-bg, #fff);
  color: var(--shoploop-accent, inherit);
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);
  font: inherit;
  font-size: 1.25em;
  line-height: 1;
  cursor: pointer;
}
.page[hidden] { display: none; }
.previous { inset-inline-start: 0.25em; }
.next { inset-inline-end: 0.25em; }
`;
