// The soft prompt's stylesheet, inside its own shadow root (the shop's CSS cannot break it, ours cannot leak). It
// floats at the bottom of the window; the shop themes it through --shoploop-* custom properties set on :root (the
// prompt's element is the last child of <body>), the same names as the blocks' where they mean the same thing.
export const styles = `
:host { all: initial; }
* { box-sizing: border-box; }
.prompt {
  position: fixed;
  z-index: 2147483000;
  bottom: 16px;
  inset-inline-end: 16px;
  width: min(360px, calc(100vw - 32px));
  padding: 16px;
  font-family: var(--shoploop-font, system-ui, sans-serif);
  font-size: var(--shoploop-prompt-font-size, 15px);
  line-height: 1.4;
  color: var(--shoploop-text, #1d1d1f);
  background: var(--shoploop-prompt-bg, #fff);
  border-radius: var(--shoploop-radius, 8px);
  box-shadow: var(--shoploop-prompt-shadow, 0 4px 24px rgba(0, 0, 0, 0.2));
}
@media (max-width: 40em) { .prompt { inset-inline: 8px; bottom: 8px; width: auto; } }
.text { margin: 0 0 12px; padding-inline-end: 24px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
button { font: inherit; cursor: pointer; border-radius: var(--shoploop-radius, 8px); padding: 0.5em 1em; }
button:focus-visible { outline: 2px solid var(--shoploop-accent, currentColor); outline-offset: 2px; }
button:disabled { cursor: default; opacity: 0.6; }
.yes { border: 0; background: var(--shoploop-accent, #1d1d1f); color: var(--shoploop-button-text, #fff); }
.no { border: 1px solid currentColor; background: transparent; color: inherit; }
.close { position: absolute; top: 6px; inset-inline-end: 6px; padding: 4px 8px; border: 0; background: none; color: inherit; font-size: 1.25em; line-height: 1; }
`;
