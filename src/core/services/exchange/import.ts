import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { canonicalJson } from '../../../shared/canonical-json';
import type { ExchangeAssessment, ExchangeDocument, ExchangeTemplate } from '../../../shared/exchange/schema';
import type { DbOrTx, ServiceContext } from '../../context';
import {
  actions,
  answers,
  areas,
  assessmentAreas,
  assessmentTemplates,
  assessments,
  assessors,
  boards,
  ligaturePoints,
  photos,
  rechecks,
  sites,
  wards,
} from '../../db/schema';
import { AppError } from '../../errors';
import { storeProblemKind } from '../../store-errors';
import { insertRow, preparedFor, statement } from '../../db/prepared';
import { recordAudit } from '../audit';
import { keepScores } from '../scores/scored-wards';
import { storeTemplate } from '../templates';
import { assessmentRecord } from './export';
import type { Signer } from '../signing/register';
import { ExchangeRefusal, type VerifiedReturn } from './verify';

// Collation: a board's return goes into this store in one transaction, after every check that
// `verify` makes. The estate register is upserted by id (a renamed ward is renamed here too);
// assessments are added beside what is here, read-only and signed off, so a later round of a
// ward sits beside the earlier one. The same file twice changes nothing and writes no audit row.

export interface ImportReport {
  fileName: string;
  status: 'imported' | 'already_imported';
  board: { id: string; name: string };
  assessmentsAdded: number;
  assessmentsAlreadyHere: number;
  templatesInstalled: string[];
  estateRecordsAdded: number;
  estateRecordsUpdated: number;
  /**
   * The file is older than assessments of this board already here, so its register (names, bed
   * counts…) did not replace the newer one; only records missing here were added.
   */
  olderThanHere: boolean;
  photosAdded: number;
  signedBy: Signer['signedBy'];
}

/** Writes a return that passed every check (its signer already checked, or not asked for), inside the caller's transaction. */
export function importVerifiedReturn(tx: DbOrTx, ctx: ServiceContext, { document, scores }: VerifiedReturn, fileName: string, signedBy: Signer['signedBy']): ImportReport {
  const { report, refuse } = startImport(tx, ctx, document, fileName, signedBy);
  const added = document.assessments.filter((assessment) => importAssessment(tx, ctx, assessment, fileName, report, refuse));
  // The engine's scores of what was added, kept as a sign-off keeps them: verification computed
  // them from exactly the records just written (the same input builder and engine as scoring
  // from this store), so they are kept, not read back and computed again.
  for (const assessment of added) keepScores(tx, ctx, assessment.id, scores.get(assessment.id)!);
  return finishImport(report);
}

/**
 * The first writes of a return, before its assessments: its templates and its register (an older
 * file adds what is missing but never rolls the register back: returns can arrive out of order).
 * `document`'s assessments are not looked at.
 */
export function startImport(tx: DbOrTx, ctx: ServiceContext, document: ExchangeDocument, fileName: string, signedBy: Signer['signedBy']): { report: ImportReport; refuse: Refuse } {
  const refuse = (problem: string, code?: 'ALREADY_EXISTS'): never => {
    throw new ExchangeRefusal(fileName, problem, [], code);
  };
  const report: ImportReport = {
    fileName,
    status: 'imported',
    board: { id: document.board.id, name: document.board.name },
    assessmentsAdded: 0,
    assessmentsAlreadyHere: 0,
    templatesInstalled: [],
    estateRecordsAdded: 0,
    estateRecordsUpdated: 0,
    olderThanHere: isOlderThanHere(tx, document),
    photosAdded: 0,
    signedBy,
  };
  report.templatesInstalled = installFileTemplates(tx, ctx, document.templates, `exchange file ${fileName}`, refuse);
  upsertRegister(tx, ctx, document, report, refuse, !report.olderThanHere);
  return { report, refuse };
}

/** The report once every assessment is written: the same file twice changes nothing. */
export function finishImport(report: ImportReport): ImportReport {
  const changed = report.assessmentsAdded + report.templatesInstalled.length + report.estateRecordsAdded + report.estateRecordsUpdated + report.photosAdded;
  report.status = changed === 0 ? 'already_imported' : 'imported';
  return report;
}

/** Refuses the whole file; ALREADY_EXISTS when one of its ids is taken here by another record. */
export type Refuse = (problem: string, code?: 'ALREADY_EXISTS') => never;

/** Installs the template versions a checked file carries that are not here; returns their keys. */
export function installFileTemplates(tx: DbOrTx, ctx: ServiceContext, entries: readonly ExchangeTemplate[], source: string, refuse: Refuse): string[] {
  const installed: string[] = [];
  for (const entry of entries) {
    try {
      const { key, alreadyInstalled } = storeTemplate(tx, ctx, entry.content, source.slice(0, 200));
      if (!alreadyInstalled) installed.push(key);
    } catch (error) {
      if (error instanceof AppError) refuse(`template ${entry.key} is already installed here with different content`);
      throw error;
    }
  }
  return installed;
}

interface EstateKind {
  entity: string;
  what: string;
  table: SQLiteTable & { id: SQLiteColumn; name: SQLiteColumn };
  /** The column that scopes names (none for boards), for the "same name, other id" check. */
  parent: SQLiteColumn | null;
  /** The record's field naming its parent, and the parent's kind (none for boards). */
  parentKey: 'boardId' | 'siteId' | 'wardId' | null;
  parentKind: { what: string; table: SQLiteTable & { id: SQLiteColumn; name: SQLiteColumn } } | null;
}

/** The register records of a file, as many as it carries. */
export interface RegisterRecords {
  board: ExchangeDocument['board'];
  sites: readonly ExchangeDocument['sites'][number][];
  wards: readonly ExchangeDocument['wards'][number][];
  areas: readonly ExchangeDocument['areas'][number][];
}

/**
 * Adds the register records missing here and, when `update`, brings the others up to the file's
 * values (a renamed ward is renamed here too). A different record under the same name, or a record
 * here under another parent, refuses the whole file.
 */
export function upsertRegister(
  tx: DbOrTx,
  ctx: ServiceContext,
  document: RegisterRecords,
  report: Pick<ImportReport, 'estateRecordsAdded' | 'estateRecordsUpdated'>,
  refuse: Refuse,
  update: boolean,
): void {
  const kinds = {
    board: { entity: 'board', what: 'board', table: boards, parent: null, parentKey: null, parentKind: null },
    site: { entity: 'site', what: 'site', table: sites, parent: sites.boardId, parentKey: 'boardId', parentKind: { what: 'board', table: boards } },
    ward: { entity: 'ward', what: 'ward', table: wards, parent: wards.siteId, parentKey: 'siteId', parentKind: { what: 'site', table: sites } },
    area: { entity: 'area', what: 'area', table: areas, parent: areas.wardId, parentKey: 'wardId', parentKind: { what: 'ward', table: wards } },
  } satisfies Record<string, EstateKind>;
  upsert(tx, ctx, kinds.board, { ...document.board }, null, report, refuse, update);
  for (const site of document.sites) upsert(tx, ctx, kinds.site, { ...site }, site.boardId, report, refuse, update);
  for (const ward of document.wards) upsert(tx, ctx, kinds.ward, { ...ward }, ward.siteId, report, refuse, update);
  for (const area of document.areas) upsert(tx, ctx, kinds.area, { ...area }, area.wardId, report, refuse, update);
}

/** True when this board already has assessments here recorded later than the file's latest. */
function isOlderThanHere(tx: DbOrTx, document: ExchangeDocument): boolean {
  if (document.generatedAt === null) return false;
  const row = tx.get<{ latest: string | null }>(sql`
    SELECT max(max(a.updated_at, coalesce(a.signed_off_at, a.updated_at))) AS latest
    FROM assessments a JOIN wards w ON w.id = a.ward_id JOIN sites s ON s.id = w.site_id
    WHERE s.board_id = ${document.board.id} AND a.status = 'signed_off'`);
  return row?.latest != null && row.latest > document.generatedAt;
}

function upsert(
  tx: DbOrTx,
  ctx: ServiceContext,
  kind: EstateKind,
  values: Record<string, unknown> & { id: string; name: string },
  parentId: string | null,
  report: Pick<ImportReport, 'estateRecordsAdded' | 'estateRecordsUpdated'>,
  refuse: Refuse,
  update: boolean,
): void {
  // Statements prepared once per transaction and kind: a national collation upserts ~15,000 records.
  const scoped = Boolean(kind.parent && parentId);
  const clashQuery = preparedFor(tx, `clash:${kind.entity}:${scoped}`, () => {
    const sameName: SQL[] = [sql`lower(${kind.table.name}) = lower(${sql.placeholder('name')})`, ne(kind.table.id, sql.placeholder('id'))];
    if (kind.parent && scoped) sameName.push(eq(kind.parent, sql.placeholder('parentId')));
    return tx.select({ id: kind.table.id }).from(kind.table).where(and(...sameName)).prepare();
  });
  const clash = clashQuery.get({ name: values.name, id: values.id, ...(scoped ? { parentId } : {}) }) as { id: unknown } | undefined;
  if (clash) {
    refuse(`a different ${kind.what} called "${values.name}" (id ${String(clash.id)}) is already here${kind.parent ? ' in the same place' : ''}; the file's ${kind.what} has id ${values.id}. Rename or remove one of them first.`);
  }
  const existingQuery = preparedFor(tx, `existing:${kind.entity}`, () => tx.select().from(kind.table).where(eq(kind.table.id, sql.placeholder('id'))).prepare());
  const existing = existingQuery.get({ id: values.id }) as Record<string, unknown> | undefined;
  if (existing && kind.parentKey && kind.parentKind && existing[kind.parentKey] !== values[kind.parentKey]) {
    // The same id under another parent: a forged or mixed-up file. Moving the record would carry
    // its wards and signed-off assessments to another board: the whole file is refused.
    const nameOf = (id: unknown) => {
      const row = tx.select({ name: kind.parentKind!.table.name }).from(kind.parentKind!.table).where(eq(kind.parentKind!.table.id, String(id))).get() as { name: string } | undefined;
      return row ? `"${row.name}" (id ${String(id)})` : `id ${String(id)}`;
    };
    refuse(
      `the file's ${kind.what} "${values.name}" has the id ${values.id} of ${kind.what === 'area' ? 'an' : 'a'} ${kind.what} already here under another ${kind.parentKind.what}: "${String(existing['name'])}" in ${kind.parentKind.what} ${nameOf(existing[kind.parentKey])}, where the file says ${kind.parentKind.what} ${nameOf(values[kind.parentKey])}. An import never moves a record to another ${kind.parentKind.what}: nothing from the file was written.`,
      'ALREADY_EXISTS',
    );
  }
  const now = ctx.now().toISOString();
  if (!existing) {
    insertRow(tx, kind.table, { ...values, createdAt: now, updatedAt: now });
    recordAudit(tx, ctx, 'create', kind.entity, values.id, null, values);
    report.estateRecordsAdded += 1;
    return;
  }
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, existing[key]]));
  if (!update || canonicalJson(before) === canonicalJson(values)) return;
  tx.update(kind.table).set({ ...values, updatedAt: now }).where(eq(kind.table.id, values.id)).run();
  recordAudit(tx, ctx, 'update', kind.entity, values.id, before, values);
  report.estateRecordsUpdated += 1;
}

/** Adds the assessment unless it is already here (unchanged); true when it was added. */
export function importAssessment(tx: DbOrTx, ctx: ServiceContext, assessment: ExchangeAssessment, fileName: string, report: ImportReport, refuse: Refuse): boolean {
  const { scores: _scores, photos: filePhotos, ...record } = assessment;
  const here = statement(tx, 'SELECT status FROM assessments WHERE id = ?').get(assessment.id) as { status: string } | undefined;
  if (here) {
    if (here.status === 'draft') {
      refuse(`assessment ${assessment.id} (round ${assessment.round}) is still a draft here: bring the signed-off assessment back with a hand-out file from the device it was signed off on (Hand-outs), which brings this draft up to date`);
    }
    const stored = assessmentRecord(tx, assessment.id, false);
    if (canonicalJson(stored) !== canonicalJson(record)) {
      refuse(`assessment ${assessment.id} (round ${assessment.round}) is already here with different content; a signed-off assessment never changes`);
    }
    report.assessmentsAlreadyHere += 1;
    for (const photo of filePhotos ?? []) insertPhoto(tx, ctx, assessment.id, photo, report, refuse);
    return false;
  }
  insertRow(tx, assessments, {
    id: record.id,
    wardId: record.wardId,
    wardType: record.wardType,
    bedCount: record.bedCount,
    round: record.round,
    assessedOn: record.assessedOn,
    announced: record.announced,
    status: record.status,
    signedOffAt: record.signedOffAt,
    signedOffBy: record.signedOffBy,
    previousAssessmentId: record.previousAssessmentId,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  });
  for (const [domain, templateKey] of Object.entries(record.templates)) insertRow(tx, assessmentTemplates, { assessmentId: record.id, domain, templateKey });
  // Every row through a statement prepared once per table and column set for the whole import;
  // an id already taken here by another assessment's record refuses the file, naming both.
  const insertNew = (table: ChildTable, what: string, row: Record<string, unknown> & { id: string }, also: Record<string, unknown>) => {
    try {
      insertRow(tx, table, row, also);
    } catch (error) {
      if (storeProblemKind(error) !== 'ALREADY_EXISTS') throw error;
      refuse(`${what} ${row.id} is already here${whereIs(tx, table, row.id)}. Ids never repeat between records, so this file was copied from another or altered: nothing from it was written.`, 'ALREADY_EXISTS');
    }
  };
  // The file's records as they are, with their assessment's id (and values kept as JSON text)
  // beside them, in one object per kind refilled for each row.
  const ofAssessment = { assessmentId: record.id };
  for (const assessor of record.assessors) insertNew(assessors, 'assessor', assessor, ofAssessment);
  for (const area of record.areas) insertRow(tx, assessmentAreas, area, ofAssessment);
  const answerAlso = { value: '', assessmentId: record.id };
  for (const answer of record.answers) {
    answerAlso.value = JSON.stringify(answer.value);
    insertNew(answers, 'answer', answer, answerAlso);
  }
  const pointAlso = { controls: '', assessmentId: record.id };
  for (const point of record.ligaturePoints) {
    pointAlso.controls = JSON.stringify(point.controls);
    insertNew(ligaturePoints, 'ligature point', point, pointAlso);
  }
  for (const action of record.actions) insertNew(actions, 'action', action, ofAssessment);
  for (const recheck of record.rechecks) insertNew(rechecks, 're-check', recheck, ofAssessment);
  recordAudit(tx, ctx, 'create', 'assessment', record.id, null, {
    importedFrom: fileName,
    wardId: record.wardId,
    round: record.round,
    status: record.status,
    templates: record.templates,
    assessors: record.assessors.length,
    answers: record.answers.length,
    ligaturePoints: record.ligaturePoints.length,
    actions: record.actions.length,
    rechecks: record.rechecks.length,
  });
  for (const photo of filePhotos ?? []) insertPhoto(tx, ctx, record.id, photo, report, refuse);
  report.assessmentsAdded += 1;
  return true;
}

type ChildTable = typeof assessors | typeof answers | typeof ligaturePoints | typeof actions | typeof rechecks;

/** ", in the assessment of Ward 3 (round 2025/26, assessment …)" for a record already here. */
function whereIs(tx: DbOrTx, table: ChildTable, id: string): string {
  const row = tx
    .select({ assessmentId: assessments.id, round: assessments.round, ward: wards.name })
    .from(table)
    .innerJoin(assessments, eq(assessments.id, table.assessmentId))
    .innerJoin(wards, eq(wards.id, assessments.wardId))
    .where(eq(table.id, id))
    .get();
  return row ? `, in the assessment of ${row.ward} (round ${row.round}, assessment ${row.assessmentId})` : '';
}

function insertPhoto(
  tx: DbOrTx,
  ctx: ServiceContext,
  assessmentId: string,
  photo: NonNullable<ExchangeAssessment['photos']>[number],
  report: ImportReport,
  refuse: Refuse,
): void {
  const existing = tx.select({ sha256: photos.sha256, assessmentId: photos.assessmentId }).from(photos).where(eq(photos.id, photo.id)).get();
  if (existing) {
    if (existing.sha256 !== photo.sha256 || existing.assessmentId !== assessmentId) refuse(`photo ${photo.id} is already here with different content`);
    return;
  }
  const { base64, markup, ...metadata } = photo;
  tx.insert(photos)
    .values({ ...metadata, markup: markup ? JSON.stringify(markup) : null, assessmentId, bytes: Buffer.from(base64, 'base64') })
    .run();
  recordAudit(tx, ctx, 'create', 'photo', photo.id, null, { ...metadata, markup: markup ?? null, assessmentId });
  report.photosAdded += 1;
}
