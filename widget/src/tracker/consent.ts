import { deniedKey, load, save } from './storage.ts';

/** Not denied by the visitor's choice, nor by Global Privacy Control when the tag says data-gpc="respect". */
export const isAllowed = (respectGpc: boolean): boolean =>
  !(load(deniedKey) || (respectGpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl));

/** Granting saves '', which forgets the flag. */
export const rememberConsent = (granted: boolean): void => save(deniedKey, granted ? '' : '1');
