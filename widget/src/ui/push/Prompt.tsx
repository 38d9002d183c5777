import { useEffect, useRef, useState } from 'preact/hooks';
import { styles } from './styles.ts';
import type { SubscribeOutcome } from './subscribe.ts';
import { isQuestion, notes, questions, type Note, type Question } from './texts.ts';

export interface PromptProps {
  /** a question to ask, or `on` / `blocked` for the shop's own button when there is nothing to ask */
  view: Question | 'on' | 'blocked';
  /** the yes, called inside the click (the browser's permission may only be asked there) */
  onYes(): Promise<SubscribeOutcome>;
  onTurnOff(): Promise<unknown>;
  /** a "no": the question's own button, the close button, Escape, or the browser's dialog dismissed */
  onDecline(): void;
  /** the prompt is done: take it off the page */
  onClose(): void;
  /** move the keyboard focus to it: it was opened by the visitor's own click */
  focus?: boolean;
}

/**
 * The soft prompt: a question with yes and no, then what came of the yes. Never asks the browser's permission by
 * itself: only the yes button's click does. Not modal: the page stays usable around it.
 */
export function Prompt({ view: initial, onYes, onTurnOff, onDecline, onClose, focus }: PromptProps) {
  const [view, setView] = useState<Question | Note>(initial);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => void (focus && first.current?.focus()), []);

  const asking = isQuestion(view);
  const close = () => {
    if (asking) onDecline();
    onClose();
  };
  const yes = () => {
    const outcome = onYes(); // first, while the click is still the user's gesture
    setView('working');
    void outcome.then((result) => {
      if (result == 'declined') close();
      else setView(result == 'subscribed' ? 'done' : result);
    });
  };
  const turnOff = () => {
    setView('working');
    void onTurnOff().then(
      () => setView('off'),
      () => setView('on'),
    );
  };

  return (
    <>
      <style>{styles}</style>
      <div class="prompt" role="dialog" aria-labelledby="shoploop-push-text" onKeyDown={(event) => event.key == 'Escape' && close()}>
        <p class="text" id="shoploop-push-text" aria-live="polite">
          {asking ? questions[view].text : notes[view]}
        </p>
        <div class="actions">
          {asking ? (
            <>
              <button type="button" class="yes" ref={first} onClick={yes}>
                {questions[view].yes}
              </button>
              <button type="button" class="no" onClick={close}>
                {questions[view].no}
              </button>
            </>
          ) : view == 'on' ? (
            <button type="button" class="no" ref={first} onClick={turnOff}>
              Turn off
            </button>
          ) : null}
        </div>
        <button type="button" class="close" aria-label="Close" disabled={view == 'working'} onClick={close}>
          ×
        </button>
      </div>
    </>
  );
}
