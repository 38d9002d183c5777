import type { PushMoment } from '../../tracker/push.ts';

/** The moments the soft prompt asks at, and what it asks. */
export type Question = Exclude<PushMoment, 'unsubscribe'>;

export const questions: Record<Question, { text: string; yes: string; no: string }> = {
  add_to_cart: { text: 'Want a reminder if you leave your cart?', yes: 'Yes, remind me', no: 'No thanks' },
  sold_out: { text: 'Sold out for now. Want to know when it’s back?', yes: 'Tell me when it’s back', no: 'No thanks' },
  prompt: {
    text: 'Get a notification when your cart is waiting, or something you looked at is back or cheaper?',
    yes: 'Turn on notifications',
    no: 'Not now',
  },
};

/** What the prompt says after the question, or instead of it. */
export const notes = {
  working: 'One moment…',
  done: 'Done: notifications are on.',
  on: 'Notifications are on for this shop.',
  off: 'Notifications are off.',
  blocked: 'Notifications are blocked for this shop. You can allow them in your browser’s site settings.',
  failed: 'Notifications could not be turned on. Please try again later.',
};
export type Note = keyof typeof notes;

export const isQuestion = (moment: unknown): moment is Question => Object.hasOwn(questions, moment as string);
