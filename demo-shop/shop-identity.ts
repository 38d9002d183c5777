// Who the demo shop is. Every product carries the shop's own label, as a small gift shop's range does.
export const SHOP_NAME = 'Loop & Co.';
export const SHOP_TAGLINE = 'Gifts, homeware and little treats, made to be given';
export const SHOP_CURRENCY = 'GBP';
