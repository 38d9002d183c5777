import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.ts';
import { sites } from './sites.ts';

export const stageValues = ['potential', 'here_and_now', 'at_risk', 'dormant', 'loyal'] as const;

/**
 * One row per person of a site: a visitor (`v:<visitor id>`) or an identified customer with all their devices
 * (`c:<customer id>`). Holds the current stage, the facts folded from events so far (up to `factsSeq`), and
 * when the stage is next due for a look (`dueAt`): set to now by every event, to a future time by the
 * evaluator, claimed by one scheduler at a time through `claimUntil`.
 */
export const profiles = sqliteTable(
  'profiles',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    profileId: text('profile_id').notNull(),
    stage: text('stage', { enum: stageValues }),
    stageSince: epochMs('stage_since'),
    rule: text('rule'),
    reason: text('reason'),
    facts: text('facts'),
    factsSeq: integer('facts_seq').notNull().default(0),
    /** bumped by every event batch, so an evaluation that raced with new events does not clear their due mark */
    touched: integer('touched').notNull().default(0),
    dueAt: epochMs('due_at'),
    claimUntil: epochMs('claim_until'),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'profiles_pk', columns: [t.siteId, t.profileId] }),
    index('profiles_due_idx').on(t.dueAt),
    index('profiles_site_stage_idx').on(t.siteId, t.stage),
  ],
);

/** Every stage change with its reason: the why-record. */
export const stageTransitions = sqliteTable(
  'stage_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    profileId: text('profile_id').notNull(),
    fromStage: text('from_stage', { enum: stageValues }),
    toStage: text('to_stage', { enum: stageValues }).notNull(),
    at: epochMs('at').notNull(),
    rule: text('rule').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('stage_transitions_site_at_idx').on(t.siteId, t.at), index('stage_transitions_profile_idx').on(t.siteId, t.profileId, t.id)],
);

/** People per stage at the end of each day (UTC), for the admin's charts. */
export const stageDaily = sqliteTable(
  'stage_daily',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    stage: text('stage', { enum: stageValues }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ name: 'stage_daily_pk', columns: [t.siteId, t.day, t.stage] })],
);

/** Per-site settings (JSON validated by the owning module), changed through the admin API. */
export const siteSettings = sqliteTable('site_settings', {
  siteId: text('site_id').primaryKey().references(() => sites.id, { onDelete: 'cascade' }),
  lifecycle: text('lifecycle', { mode: 'json' }).$type<Record<string, unknown>>(),
  /** per campaign: on/off, delays, holdout, TTL, templates (campaigns/settings.ts) */
  campaigns: text('campaigns', { mode: 'json' }).$type<Record<string, unknown>>(),
  /** the contact policy: caps and quiet hours (campaigns/policy) */
  contact: text('contact', { mode: 'json' }).$type<Record<string, unknown>>(),
  updatedAt: epochMs('updated_at').notNull(),
});

/** The site's fitted buyer models (BG/NBD, Gamma-Gamma), or why there are none. */
export const buyerModels = sqliteTable('buyer_models', {
  siteId: text('site_id').primaryKey().references(() => sites.id, { onDelete: 'cascade' }),
  fittedAt: epochMs('fitted_at').notNull(),
  repeatBuyers: integer('repeat_buyers').notNull(),
  /** null when not fitted; see `note` */
  params: text('params', { mode: 'json' }).$type<Record<string, unknown>>(),
  note: text('note').notNull(),
});

/** Who was erased and when: a hash of the customer id, never the id itself. */
export const erasures = sqliteTable('erasures', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  siteId: text('site_id').notNull(),
  subjectHash: text('subject_hash').notNull(),
  erasedAt: epochMs('erased_at').notNull(),
  counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
});
