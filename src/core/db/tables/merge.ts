import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { areaColumn, assessmentIdColumn, assessorColumn } from './assessments';

// Working on one assessment from several devices (src/core/services/merge). The live tables hold
// what each device shows; these hold what merging needs besides: who this device is, the versions
// of each record nothing known here supersedes, and what the live row stood for when last written.

/** Devices seen in hand-out files, and this database's own (self = true, exactly one). */
export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  self: integer('self', { mode: 'boolean' }).notNull().default(false),
  firstSeenAt: text('first_seen_at').notNull(),
});

/**
 * Every version of a record of a shared assessment that no other version known here supersedes
 * (src/shared/merge/versions.ts). More than one with different content is a conflict.
 */
export const recordVersions = sqliteTable(
  'record_versions',
  {
    assessmentId: assessmentIdColumn(),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    /** SHA-256 of the version's identity (clock, deleted, row). */
    versionKey: text('version_key').notNull(),
    /** Canonical JSON of the clock: device id → changes seen. */
    clock: text('clock').notNull(),
    deleted: integer('deleted', { mode: 'boolean' }).notNull(),
    /** SHA-256 of what the version says (the row without who-and-when), or "deleted". */
    contentKey: text('content_key').notNull(),
    /** Canonical JSON of the record as a hand-out file carries it (for a removal, as it was). */
    row: text('row').notNull(),
    deviceId: text('device_id').notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.kind, t.recordId, t.versionKey] })],
);

/**
 * For each record of a shared assessment: the live row as last written by a merge or seen by a
 * capture (SHA-256, null when the record is absent), and the content of the version it stands for.
 * A live row that no longer hashes the same was changed on this device since.
 */
export const recordStates = sqliteTable(
  'record_states',
  {
    assessmentId: assessmentIdColumn(),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    liveHash: text('live_hash'),
    liveContent: text('live_content'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.kind, t.recordId] })],
);

/** "You take the bedrooms": who is to assess an area of an assessment. Merged like any record. */
export const areaAssignments = sqliteTable(
  'area_assignments',
  {
    assessmentId: assessmentIdColumn(),
    areaId: areaColumn('area_id').notNull(),
    assessorId: assessorColumn('assessor_id').notNull(),
    assignedAt: text('assigned_at').notNull(),
    assignedBy: text('assigned_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.areaId] })],
);

/** Hand-out files written and read on this device: what, when, by whom, from which device. */
export const handoutLog = sqliteTable(
  'handout_log',
  {
    id: text('id').primaryKey(),
    direction: text('direction', { enum: ['exported', 'imported'] }).notNull(),
    kind: text('kind', { enum: ['register', 'assessment'] }).notNull(),
    assessmentId: text('assessment_id'),
    boardId: text('board_id').notNull(),
    fileName: text('file_name').notNull(),
    digest: text('digest').notNull(),
    /** The device that wrote the file, and when and by whom it was written there. */
    deviceId: text('device_id').notNull(),
    deviceName: text('device_name').notNull(),
    fileExportedAt: text('file_exported_at').notNull(),
    exportedBy: text('exported_by').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    /** JSON: what the import did (records taken, conflicts…), or what the export held. */
    summary: text('summary').notNull(),
  },
  (t) => [index('handout_log_assessment_idx').on(t.assessmentId), index('handout_log_board_idx').on(t.boardId)],
);
