/**
 * The browsers' push services, the only hosts a subscription endpoint may name by default (the list web-push's
 * maintainers and peter.sh's push tester use: web-push-libs/web-push#801, beverloo/peter.sh#54).
 * `exact` hosts match as written; `suffix` hosts match any name under them, on a label boundary.
 */
export const knownPushServices = [
  { name: 'Google FCM (Chrome, Opera, Brave, Samsung Internet)', exact: ['fcm.googleapis.com', 'android.googleapis.com'] },
  { name: 'Mozilla autopush (Firefox)', suffix: 'push.services.mozilla.com' }, // updates.push.services.mozilla.com
  { name: 'Apple Push Notification service (Safari)', suffix: 'push.apple.com' }, // web.push.apple.com
  { name: 'Windows Push Notification Services (Edge)', suffix: 'notify.windows.com' }, // wns2-*.notify.windows.com
] as const satisfies ReadonlyArray<{ name: string; exact?: readonly string[]; suffix?: string }>;

/** The push service a host belongs to, or undefined. `hostname` as a WHATWG URL gives it (lower case). */
export function pushServiceOf(hostname: string): string | undefined {
  for (const service of knownPushServices) {
    if ('exact' in service && (service.exact as readonly string[]).includes(hostname)) return service.name;
    if ('suffix' in service && hostname.endsWith(`.${service.suffix}`)) return service.name;
  }
  return undefined;
}
