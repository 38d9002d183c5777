/**
 * Whether this browser can take web push at all: a service worker, the Push API and notifications. iOS and iPadOS
 * Safari have them only for a site added to the Home Screen (which needs a web app manifest).
 */
export const pushSupported = (): boolean => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
