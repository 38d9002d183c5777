// "Turn on notifications" and "Notify me when it's back": the shop's own buttons for Shoploop's web push. They only
// open Shoploop's soft prompt; the browser's permission is asked when the shopper says yes in it. Calls made before
// shoploop.js has loaded wait in its queue, as with the snippet's stub.
export function initPushButtons() {
  for (const button of document.querySelectorAll('[data-push-prompt]')) {
    button.addEventListener('click', () => {
      window.shoploop ||= function () {
        (window.shoploop.q ||= []).push(arguments);
      };
      window.shoploop('push', 'prompt');
    });
  }
}
