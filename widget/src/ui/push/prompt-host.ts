import { h, render } from 'preact';
import { Contained } from '../Contained.tsx';
import { Prompt, type PromptProps } from './Prompt.tsx';

/** The element the prompt is shown in now; one prompt at a time. */
let current: HTMLElement | undefined;

export const promptShown = (): boolean => !!current?.isConnected;

/**
 * Shows the prompt at the end of <body>, in a shadow root of its own, until it closes. `data-shoploop-push` names
 * the element for the shop's CSS and tests (it is not a block: blocks are `[data-shoploop]`).
 */
export const showPrompt = (props: Omit<PromptProps, 'onClose'>): void => {
  const host = document.createElement('div');
  host.setAttribute('data-shoploop-push', '');
  const root = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  current = host;
  const onClose = () => {
    render(null, root);
    host.remove();
  };
  render(h(Contained, null, h(Prompt, { ...props, onClose })), root);
};
