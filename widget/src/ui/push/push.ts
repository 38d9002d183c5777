import type { PushUi } from '../../tracker/push.ts';
import { declinedRecently, rememberDecline } from './declined.ts';
import { fetchPublicKey } from './key.ts';
import type { PromptProps } from './Prompt.tsx';
import { promptShown, showPrompt } from './prompt-host.ts';
import { currentSubscription } from './registration.ts';
import { subscribe, unsubscribe } from './subscribe.ts';
import { pushSupported } from './support.ts';
import { isQuestion } from './texts.ts';
import { workerOptions } from './worker-options.ts';

/** true while a moment is being checked, so two at once (two quick adds to cart) make one prompt */
let checking = false;

/**
 * The tracker's push moments. `unsubscribe` ends the subscription at once. A question (`add_to_cart`, `sold_out`,
 * or the shop's own `prompt`) shows the soft prompt only if every condition holds: the browser supports push, its
 * permission is not denied, collection is allowed, the visitor is not subscribed yet, the server has a key for
 * the site, and — unless the shop's button asked — the visitor did not say no in the last 30 days. The shop's
 * button also gets an answer when there is nothing to ask: "on" (with "Turn off") or "blocked".
 */
export const push: PushUi['push'] = async (moment, config, tracker) => {
  if (!pushSupported()) return;
  const worker = workerOptions(config.site);
  if (moment == 'unsubscribe') return void (await unsubscribe(config, worker));
  const own = moment == 'prompt';
  const vid = tracker.visitor();
  if (!isQuestion(moment) || !vid || (!own && declinedRecently()) || promptShown() || checking) return;

  const show = (view: PromptProps['view'], onYes: PromptProps['onYes'] = async () => 'failed') =>
    showPrompt({ view, onYes, onDecline: rememberDecline, onTurnOff: () => unsubscribe(config, worker), focus: own });
  checking = true;
  try {
    if (Notification.permission == 'denied') return void (own && show('blocked'));
    if (await currentSubscription(worker.scope)) return void (own && show('on'));
    const publicKey = await fetchPublicKey(config);
    if (!publicKey) return;
    const offer = { config: { site: config.site, api: config.api }, vid, publicKey, worker };
    show(moment, () => subscribe(Notification.requestPermission(), offer));
  } finally {
    checking = false;
  }
};
