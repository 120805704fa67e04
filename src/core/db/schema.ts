import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// The store. Ids are UUIDs (records travel between boards and the national collator);
// timestamps are ISO-8601 UTC strings; JSON columns hold JSON text.
// Change this file, then `npm run db:generate`, and commit the SQL drizzle-kit writes.

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const boards = sqliteTable(
  'boards',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    code: text('code'),
    ...timestamps,
  },
  (t) => [uniqueIndex('boards_name_unique').on(sql`lower(${t.name})`)],
);

export const sites = sqliteTable(
  'sites',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    eamsSiteCode: text('eams_site_code'),
    ...timestamps,
  },
  (t) => [uniqueIndex('sites_board_name_unique').on(t.boardId, sql`lower(${t.name})`)],
);

export const wards = sqliteTable(
  'wards',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: text('type').notNull(),
    bedCount: integer('bed_count').notNull(),
    sexDesignation: text('sex_designation').notNull(),
    block: text('block'),
    eamsBlockCode: text('eams_block_code'),
    ...timestamps,
  },
  (t) => [uniqueIndex('wards_site_name_unique').on(t.siteId, sql`lower(${t.name})`)],
);

export const areas = sqliteTable(
  'areas',
  {
    id: text('id').primaryKey(),
    wardId: text('ward_id')
      .notNull()
      .references(() => wards.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    name: text('name').notNull(),
    supervisionTier: integer('supervision_tier').notNull(),
    tierOverrideReason: text('tier_override_reason'),
    eamsRoomCode: text('eams_room_code'),
    ...timestamps,
  },
  (t) => [uniqueIndex('areas_ward_name_unique').on(t.wardId, sql`lower(${t.name})`)],
);

/**
 * One walkthrough of one ward. The walkthrough issue fills this out; it exists from the start so
 * that the estate register can refuse to remove a ward that has been assessed (RESTRICT, not
 * CASCADE: an assessment is evidence and is never removed as a side effect).
 */
export const assessments = sqliteTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    wardId: text('ward_id')
      .notNull()
      .references(() => wards.id, { onDelete: 'restrict' }),
    round: text('round').notNull(),
    assessedOn: text('assessed_on').notNull(),
    status: text('status', { enum: ['draft', 'signed_off'] })
      .notNull()
      .default('draft'),
    ...timestamps,
  },
  (t) => [index('assessments_ward_idx').on(t.wardId)],
);

/**
 * Append-only record of every write: who, when, what, before and after. A migration adds
 * triggers that make UPDATE and DELETE on this table fail.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityId)],
);
