/**
 * What a message (and a recommendation block) may say of a product. The catalog holds only trusted values: a
 * feed's, or one that enough distinct visitors reported alike (see plan-reports.ts and the README's catalog part).
 */
export { trustedChangesSince, type TrustedChange } from './trusted-changes.ts';
export { trustedProduct, type TrustedProduct } from './trusted-product.ts';
export { safeImageUrl, safeShopUrl } from './safe-urls.ts';
export {
  applyCatalogSettings,
  catalogSettingsPatchSchema,
  catalogSettingsSchema,
  DEFAULT_TRUSTED_REPORTERS,
  readCatalogSettings,
  type CatalogSettings,
  type CatalogSettingsPatch,
} from './settings.ts';
