export * from './sites.ts';
export * from './events.ts';
export * from './catalog.ts';
export * from './catalog-trust.ts';
export * from './lifecycle.ts';
export * from './push.ts';
export * from './integrations.ts';
export * from './reviews.ts';
