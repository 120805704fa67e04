import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './columns';

// The estate register: Board → Site → Ward → Area.

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
