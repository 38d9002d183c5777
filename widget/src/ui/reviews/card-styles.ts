// The review card's stylesheet, inside its own shadow root. It floats at the bottom of the window like the push
// prompt (../push/styles.ts) and takes the same --shoploop-* custom properties, set on :root (the card's element
// is the last child of <body>), plus the stars' colours.
export const cardStyles = `
:host { all: initial; }
* { box-sizing: border-box; }
.card {
  position: fixed;
  z-index: 2147483000;
  bottom: 16px;
  inset-inline-end: 16px;
  width: min(400px, calc(100vw - 32px));
  max-height: calc(100vh - 32px);
  overflow-y: auto;
  padding: 16px;
  font-family: var(--shoploop-font, system-ui, sans-serif);
  font-size: var(--shoploop-prompt-font-size, 15px);
  line-height: 1.4;
  color: var(--shoploop-text, #1d1d1f);
  background: var(--shoploop-prompt-bg, #fff);
  border-radius: var(--shoploop-radius, 8px);
  box-shadow: var(--shoploop-prompt-shadow, 0 4px 24px rgba(0, 0, 0, 0.2));
}
@media (max-width: 40em) { .card { inset-inline: 8px; bottom: 8px; width: auto; max-height: calc(100vh - 16px); } }
.heading { margin: 0 0 8px; padding-inline-end: 24px; font-size: 1.1em; }
.notice:empty, .error:empty { display: none; }
.notice { margin: 0 0 8px; }
.error { margin: 8px 0 0; color: var(--shoploop-error, #b00020); font-weight: 600; }
.item { display: flex; align-items: center; gap: 12px; margin-bottom: 8px; }
.item img { width: 56px; height: 56px; object-fit: cover; border-radius: var(--shoploop-radius, 8px); flex: none; }
.name { font-weight: 600; overflow-wrap: anywhere; }
.step { margin-inline-start: auto; font-size: 0.875em; opacity: 0.75; white-space: nowrap; }
fieldset { margin: 0 0 8px; padding: 0; border: 0; }
legend { padding: 0; margin-bottom: 2px; }
.star-input label { position: relative; display: inline-block; font-size: 2em; line-height: 1; cursor: pointer; color: var(--shoploop-star-empty, rgba(127, 127, 127, 0.35)); }
.star-input label.on { color: var(--shoploop-star, #f5a623); }
.star-input input { position: absolute; inset: 0; margin: 0; opacity: 0; cursor: pointer; }
.star-input input:focus-visible + span { outline: 2px solid var(--shoploop-accent, currentColor); outline-offset: 1px; border-radius: 4px; }
label { display: block; margin-bottom: 8px; }
.optional { font-size: 0.875em; opacity: 0.75; }
input[type='text'], textarea {
  display: block;
  width: 100%;
  margin-top: 2px;
  padding: 6px 8px;
  font: inherit;
  color: inherit;
  background: transparent;
  border: 1px solid rgba(127, 127, 127, 0.6);
  border-radius: var(--shoploop-radius, 8px);
}
textarea { resize: vertical; }
.actions, .later { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
button { font: inherit; cursor: pointer; border-radius: var(--shoploop-radius, 8px); padding: 0.5em 1em; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid var(--shoploop-accent, currentColor); outline-offset: 2px; }
button:disabled { cursor: default; opacity: 0.6; }
.send { border: 0; background: var(--shoploop-accent, #1d1d1f); color: var(--shoploop-button-text, #fff); }
.skip { border: 1px solid currentColor; background: transparent; color: inherit; }
.later button { padding: 0.25em 0; border: 0; background: none; color: inherit; text-decoration: underline; }
.close { position: absolute; top: 6px; inset-inline-end: 6px; padding: 4px 8px; border: 0; background: none; color: inherit; font-size: 1.25em; line-height: 1; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
