import { load, remove, save } from './storage.ts';

/** A remembered refusal: a flag, never an id. */
const deniedKey = 'shoploop:denied';

/** Denied by the visitor's choice, or by Global Privacy Control when the tag says data-gpc="respect". */
export const isDenied = (respectGpc: boolean): boolean =>
  !!(load(deniedKey) || (respectGpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl));

export const rememberConsent = (granted: boolean): void => (granted ? remove(deniedKey) : save(deniedKey, '1'));
