// A visitor's "no" to the soft prompt, kept for 30 days in localStorage (a time, never an id). Where localStorage is
// unavailable the prompt is simply never shown by itself: better silent than asking on every page.

const key = 'shoploop:push-declined';
export const declineDays = 30;

export const declinedRecently = (now = Date.now()): boolean => {
  try {
    return now - Number(localStorage.getItem(key) ?? -Infinity) < declineDays * 864e5;
  } catch {
    return true;
  }
};

export const rememberDecline = (now = Date.now()): void => {
  try {
    localStorage.setItem(key, String(now));
  } catch {}
};
