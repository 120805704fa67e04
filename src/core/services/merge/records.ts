import { createHash } from 'node:crypto';
import { eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { canonicalJson } from '../../../shared/canonical-json';
import { KIND_FACTS, RECORD_KINDS, contentOf, recordIdOf, type RecordKind, type RecordRow } from '../../../shared/merge/kinds';
import type { DbOrTx } from '../../context';
import { insertRow, preparedFor } from '../../db/prepared';
import { actions, answers, areaAssignments, assessmentAreas, assessments, assessors, ligaturePoints, photos, rechecks } from '../../db/schema';

// Where each kind of record lives in the store, and the one generic way rows are read as a
// hand-out file carries them and written back. Nothing here lists a table's value columns: every
// column travels, so a column added to a table is merged without touching this file. A test holds
// every table that belongs to an assessment to a kind here (tests/integration/merge-coverage.test.ts).

interface StoredKind {
  table: SQLiteTable;
  /** The field holding the assessment's id (for the assessment itself, its id). */
  scope: string;
  /** Fields stored as JSON text (a file carries the parsed value). */
  json: readonly string[];
  /** Fields stored as bytes, which a file carries apart (photos, by content hash). */
  bytes: readonly string[];
  /**
   * Fields that belong to this device and never travel (nor count as a change): the assessor's
   * own route through the ward is kept when another device's version is taken; which of this
   * device's fills wrote an answer or point is cleared, since that version is no longer the fill's.
   */
  local?: Readonly<Record<string, 'kept' | 'cleared'>>;
}

export const STORED_KINDS: Record<RecordKind, StoredKind> = {
  assessment: { table: assessments, scope: 'id', json: [], bytes: [], local: { wardPosition: 'kept' } },
  assessor: { table: assessors, scope: 'assessmentId', json: [], bytes: [] },
  assessment_area: { table: assessmentAreas, scope: 'assessmentId', json: [], bytes: [], local: { position: 'kept' } },
  area_assignment: { table: areaAssignments, scope: 'assessmentId', json: [], bytes: [] },
  answer: { table: answers, scope: 'assessmentId', json: ['value'], bytes: [], local: { fillId: 'cleared' } },
  ligature_point: { table: ligaturePoints, scope: 'assessmentId', json: ['controls'], bytes: [], local: { fillId: 'cleared' } },
  action: { table: actions, scope: 'assessmentId', json: [], bytes: [] },
  photo: { table: photos, scope: 'assessmentId', json: ['markup'], bytes: ['bytes'] },
  recheck: { table: rechecks, scope: 'assessmentId', json: [], bytes: [] },
};

/** Tables that hold an assessment's data but are not merged record by record, and why. */
export const NOT_MERGED: Record<string, string> = {
  assessment_templates: 'the pinned checklist versions never change; a file pinning others is refused',
  assessment_scores: 'cached scores of signed-off assessments, worked out again from the records',
  record_versions: 'the merge’s own bookkeeping',
  record_states: 'the merge’s own bookkeeping',
  handout_log: 'a log of the files this device wrote and read',
  fills: 'a fill (areas answered from a sample room, or "no findings") is undone on the device that made it; its answers and points travel as answers and points, with where they were copied from',
};

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const keyOf = (kind: RecordKind, id: string) => `${kind}\u0000${id}`;

function column(kind: RecordKind, field: string): SQLiteColumn {
  const found = (getTableColumns(STORED_KINDS[kind].table) as Record<string, SQLiteColumn>)[field];
  if (!found) throw new Error(`${getTableName(STORED_KINDS[kind].table)} has no field ${field}`);
  return found;
}

const idField = (kind: RecordKind) => KIND_FACTS[kind].idField;

/** A stored row as a file carries it: without the assessment id or bytes, JSON fields parsed. */
export function toFileRow(kind: RecordKind, stored: Record<string, unknown>): RecordRow {
  const { scope, json, bytes, local = {} } = STORED_KINDS[kind];
  const row: RecordRow = {};
  for (const [field, value] of Object.entries(stored)) {
    if ((field === scope && scope !== idField(kind)) || bytes.includes(field) || field in local) continue;
    row[field] = json.includes(field) && typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  }
  return row;
}

/** A file's row as the store keeps it, in this assessment. */
export function toStoredRow(kind: RecordKind, assessmentId: string, row: RecordRow, bytes?: Buffer): Record<string, unknown> {
  const kindInfo = STORED_KINDS[kind];
  const stored: Record<string, unknown> = { ...row, [kindInfo.scope]: assessmentId };
  // A JSON field left empty (a photo without mark-up) stays NULL, as the app itself stores it.
  for (const field of kindInfo.json) if (field in stored && stored[field] !== null) stored[field] = JSON.stringify(stored[field]);
  for (const field of kindInfo.bytes) stored[field] = bytes;
  return stored;
}

/** Every live record of this kind in the assessment, by id, as files carry them. */
export function readLiveRows(tx: DbOrTx, kind: RecordKind, assessmentId: string): Map<string, RecordRow> {
  const { table, scope } = STORED_KINDS[kind];
  const statement = preparedFor(tx, `merge:read:${kind}`, () =>
    tx
      .select()
      .from(table)
      .where(eq(column(kind, scope), sql.placeholder('assessmentId')))
      .prepare(),
  );
  const rows = statement.all({ assessmentId }) as Record<string, unknown>[];
  return new Map(rows.map((stored) => {
    const row = toFileRow(kind, stored);
    return [recordIdOf(kind, row), row];
  }));
}

/** Inserts, replaces or removes one live record (key fields are never rewritten). */
export function writeLiveRow(tx: DbOrTx, kind: RecordKind, assessmentId: string, id: string, change: { insert: RecordRow } | { update: RecordRow } | { remove: true }, bytes?: Buffer): void {
  const { table, scope } = STORED_KINDS[kind];
  const where = sql`${column(kind, scope)} = ${assessmentId} AND ${column(kind, idField(kind))} = ${id}`;
  if ('remove' in change) {
    tx.delete(table).where(where).run();
    return;
  }
  if ('insert' in change) {
    insertRow(tx, table, toStoredRow(kind, assessmentId, change.insert, bytes));
    return;
  }
  const stored = toStoredRow(kind, assessmentId, change.update);
  // Setting a key to itself makes SQLite check every table that references it (see answers.ts).
  for (const field of new Set([scope, idField(kind), ...STORED_KINDS[kind].bytes])) delete stored[field];
  for (const [field, keep] of Object.entries(STORED_KINDS[kind].local ?? {})) {
    if (keep === 'cleared') stored[field] = null;
    else delete stored[field];
  }
  tx.update(table).set(stored).where(where).run();
}

/** The hashes a version is known by: its identity, and what it says. */
export function versionHashes(kind: RecordKind, version: { clock: unknown; deleted: boolean; row: RecordRow }) {
  return {
    key: sha256(canonicalJson({ clock: version.clock, deleted: version.deleted, row: version.row })),
    content: version.deleted ? 'deleted' : sha256(contentOf(kind, version)),
  };
}

export const liveHashOf = (row: RecordRow) => sha256(canonicalJson(row));

/** A record of another kind that points at one of this kind: (child kind, its field). */
export interface Reference {
  kind: RecordKind;
  field: string;
}

/**
 * For each kind, the fields of other kinds that refer to it, read from the tables' foreign keys
 * (an action's answerId and ligaturePointId, a photo's…). A record still referred to by a live
 * record cannot be removed by a merge; that is a conflict for a person.
 */
export const REFERENCES: Record<RecordKind, Reference[]> = (() => {
  const byTable = new Map(RECORD_KINDS.map((kind) => [STORED_KINDS[kind].table, kind]));
  const found = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, [] as Reference[]])) as Record<RecordKind, Reference[]>;
  for (const child of RECORD_KINDS) {
    const fields = Object.entries(getTableColumns(STORED_KINDS[child].table) as Record<string, SQLiteColumn>);
    for (const foreignKey of getTableConfig(STORED_KINDS[child].table).foreignKeys) {
      const reference = foreignKey.reference();
      const parent = byTable.get(reference.foreignTable);
      // Every record belongs to its assessment; that link is the scope, not a reference.
      if (!parent || parent === 'assessment' || reference.columns.length !== 1) continue;
      const field = fields.find(([, c]) => c === reference.columns[0])?.[0];
      if (field) found[parent].push({ kind: child, field });
    }
  }
  // Not foreign keys (they point at the register's area), but an answer, a point or an assignment
  // in an area belongs to the assessment's area: removing that area while they live is a conflict.
  for (const kind of ['answer', 'ligature_point', 'area_assignment'] as const) found.assessment_area.push({ kind, field: 'areaId' });
  return found;
})();
