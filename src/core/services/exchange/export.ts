import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { WardType } from '../../../shared/domain/estate';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  ExchangeDocument,
  type ExchangeAssessment,
  type ExchangeTemplate,
} from '../../../shared/exchange/schema';
import type { PhotoMarkup } from '../../../shared/domain/walkthrough-schemas';
import { returnCsvFiles } from '../../../shared/exchange/csv';
import { SCORING_ENGINE_VERSION } from '../../../shared/scoring';
import type { Template } from '../../../shared/templates';
import type { DbOrTx } from '../../context';
import { areas, assessments, assessmentScores, assessors, boards, photos, rechecks, sites, templates, wards } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { APP_NAME } from '../../paths';
import { listActions } from '../assessments/actions';
import { listAnswers } from '../assessments/answers';
import { listLigaturePoints } from '../assessments/ligature-points';
import { getAssessment } from '../assessments/read';
import { getWard } from '../estate/wards';
import { exchangeDigest } from './digest';
import { scoreFromFile } from './verify';

// A board's return: its estate register, every assessment (signed-off ones unless drafts are
// asked for, all rounds), the template versions they pinned, and the scores. Byte-stable: every
// list is in id order, and the only time in it is the latest one recorded in the data itself.
// The scores are computed from the file's own content, so whoever re-scores the file gets them.

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function exportReturn(tx: DbOrTx, appVersion: string, input: ParsedInput<'exchange.export'>): ExchangeDocument {
  const register = registerRecords(tx, { boardId: input.boardId });
  const wardIds = register.wards.map((w) => w.id);
  const assessmentIds = wardIds.length === 0 ? [] : tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        inArray(assessments.wardId, wardIds),
        input.includeDrafts ? undefined : eq(assessments.status, 'signed_off'),
        input.round ? eq(assessments.round, input.round) : undefined,
      ),
    )
    .all()
    .map((r) => r.id)
    .sort();
  return buildReturn(tx, appVersion, register, assessmentIds, { drafts: input.includeDrafts, photos: input.includePhotos });
}

/** One signed-off assessment as a return of its own, with its ward and where the ward sits. */
export function returnOfAssessment(tx: DbOrTx, appVersion: string, assessmentId: string): ExchangeDocument {
  const assessment = tx.select({ wardId: assessments.wardId }).from(assessments).where(eq(assessments.id, assessmentId)).get();
  if (!assessment) throw notFound('assessment', assessmentId);
  return buildReturn(tx, appVersion, registerRecords(tx, { wardId: assessment.wardId }), [assessmentId], { drafts: false, photos: false });
}

/** What part of the register: a whole board, one site, or one ward (with its site and board). */
export interface RegisterScope {
  boardId?: string | null;
  siteId?: string | null;
  wardId?: string | null;
}

/** The register as files carry it, each list in id order. */
export function registerRecords(tx: DbOrTx, scope: RegisterScope): Pick<ExchangeDocument, 'board' | 'sites' | 'wards' | 'areas'> {
  const wardFields = { id: wards.id, siteId: wards.siteId, name: wards.name, type: wards.type, bedCount: wards.bedCount, sexDesignation: wards.sexDesignation, block: wards.block, eamsBlockCode: wards.eamsBlockCode };
  const siteFields = { id: sites.id, boardId: sites.boardId, name: sites.name, eamsSiteCode: sites.eamsSiteCode };
  const ward = scope.wardId ? tx.select(wardFields).from(wards).where(eq(wards.id, scope.wardId)).get() : undefined;
  if (scope.wardId && !ward) throw notFound('ward', scope.wardId);
  const siteId = ward?.siteId ?? scope.siteId;
  const site = siteId ? tx.select(siteFields).from(sites).where(eq(sites.id, siteId)).get() : undefined;
  if (siteId && !site) throw notFound('site', siteId);
  const boardId = site?.boardId ?? scope.boardId;
  const board = boardId ? tx.select({ id: boards.id, name: boards.name, code: boards.code }).from(boards).where(eq(boards.id, boardId)).get() : undefined;
  if (!board || (scope.boardId && board.id !== scope.boardId)) throw notFound(scope.boardId ? 'board holding that site or ward' : 'board', boardId ?? '(none)');
  const siteRows = site ? [site] : tx.select(siteFields).from(sites).where(eq(sites.boardId, board.id)).all().sort(byId);
  const wardRows = (ward ? [ward] : siteRows.length === 0 ? [] : tx.select(wardFields).from(wards).where(inArray(wards.siteId, siteRows.map((s) => s.id))).all().sort(byId)) as ExchangeDocument['wards'];
  return { board, sites: siteRows, wards: wardRows, areas: wardAreas(tx, wardRows.map((w) => w.id)) };
}

/** An installed template version, whole, as files carry it. */
export function templateEntry(tx: DbOrTx, key: string): ExchangeTemplate {
  const row = tx.select().from(templates).where(eq(templates.key, key)).get();
  if (!row) throw notFound('template version', key);
  return { key, templateId: row.templateId, domain: row.domain as Template['domain'], version: row.version, contentHash: row.contentHash, content: JSON.parse(row.content) as Template };
}

/** The register areas of these wards, as a return carries them. */
export function wardAreas(tx: DbOrTx, wardIds: readonly string[]): ExchangeDocument['areas'] {
  if (wardIds.length === 0) return [];
  return tx
    .select({ id: areas.id, wardId: areas.wardId, type: areas.type, name: areas.name, supervisionTier: areas.supervisionTier, tierOverrideReason: areas.tierOverrideReason, eamsRoomCode: areas.eamsRoomCode })
    .from(areas)
    .where(inArray(areas.wardId, [...wardIds]))
    .all()
    .sort(byId) as ExchangeDocument['areas'];
}

function buildReturn(
  tx: DbOrTx,
  appVersion: string,
  register: Pick<ExchangeDocument, 'board' | 'sites' | 'wards' | 'areas'>,
  assessmentIds: readonly string[],
  includes: ExchangeDocument['includes'],
): ExchangeDocument {
  const { board } = register;
  const templateRows = new Map<string, ExchangeTemplate>();
  const pinnedTemplate = (key: string): Template => {
    let entry = templateRows.get(key);
    if (!entry) templateRows.set(key, (entry = templateEntry(tx, key)));
    return entry.content;
  };

  const exported = assessmentIds.map((id) => {
    const record = assessmentRecord(tx, id, includes.photos);
    const used = new Map(Object.values(record.templates).map((key) => [key, pinnedTemplate(key)]));
    // A signed-off assessment travels with the result it was signed off with (and that result's
    // engine), never re-rated on the way out; a draft, or one from before results were kept, is
    // scored from the file's own content.
    const kept = record.status === 'signed_off' ? tx.select().from(assessmentScores).where(eq(assessmentScores.assessmentId, id)).get() : undefined;
    const scores = kept ? { engine: kept.engine, result: JSON.parse(kept.scores) as unknown } : { engine: SCORING_ENGINE_VERSION, result: scoreFromFile(record, used).scores };
    return { ...record, scores } as unknown as ExchangeAssessment;
  });

  const recorded = exported.flatMap((a) => [a.updatedAt, a.signedOffAt ?? a.updatedAt]).sort();
  const body = {
    format: EXCHANGE_FORMAT,
    formatVersion: EXCHANGE_FORMAT_VERSION,
    generatedAt: recorded.at(-1) ?? null,
    generator: { app: APP_NAME, version: appVersion },
    scoringEngine: SCORING_ENGINE_VERSION,
    includes,
    ...register,
    templates: [...templateRows.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    assessments: exported,
  } as Omit<ExchangeDocument, 'digest'>;
  const document = { ...body, digest: exchangeDigest(body as { digest?: unknown }) };
  // A board must never send a file the collator will refuse: check it against the schema here.
  const check = ExchangeDocument.safeParse(document);
  if (!check.success) {
    const issue = check.error.issues[0]!;
    throw new AppError('CONFLICT', `The return for ${board.name} cannot be written: ${issue.path.map(String).join('.')}: ${issue.message}. Correct that record and export again.`);
  }
  return document;
}

/** The same return as one CSV file per table. */
export function exportReturnCsv(tx: DbOrTx, appVersion: string, input: ParsedInput<'exchange.exportCsv'>) {
  return { files: returnCsvFiles(exportReturn(tx, appVersion, { ...input, includePhotos: false })) };
}

/** One assessment and everything recorded in it, as the exchange file carries it (without scores). */
export function assessmentRecord(tx: DbOrTx, id: string, includePhotos: boolean): Omit<ExchangeAssessment, 'scores'> {
  const view = getAssessment(tx, id);
  const record: Omit<ExchangeAssessment, 'scores'> = {
    id: view.id,
    wardId: view.wardId,
    ...wardAsScored(tx, view),
    round: view.round,
    assessedOn: view.assessedOn,
    announced: view.announced,
    status: view.status,
    signedOffAt: view.signedOffAt,
    signedOffBy: view.signedOffBy,
    previousAssessmentId: view.previousAssessmentId,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    templates: view.templates,
    assessors: tx
      .select({ id: assessors.id, name: assessors.name, role: assessors.role, position: assessors.position })
      .from(assessors)
      .where(eq(assessors.assessmentId, id))
      .orderBy(asc(assessors.position))
      .all(),
    // The route is this device's; which room was assessed as which sample travels.
    areas: view.areas
      .map(({ position: _p, ...area }) => area)
      .sort((a, b) => (a.areaId < b.areaId ? -1 : 1)) as ExchangeAssessment['areas'],
    answers: listAnswers(tx, id)
      .map(({ fillId: _f, ...answer }) => answer)
      .sort(byId),
    ligaturePoints: listLigaturePoints(tx, id)
      .map(({ assessmentId: _a, fillId: _f, ...point }) => point)
      .sort(byId),
    actions: listActions(tx, id)
      .map(({ assessmentId: _a, ...action }) => action)
      .sort(byId),
    rechecks: tx
      .select({
        id: rechecks.id,
        subject: rechecks.subject,
        previousId: rechecks.previousId,
        lineageId: rechecks.lineageId,
        outcome: rechecks.outcome,
        currentId: rechecks.currentId,
        note: rechecks.note,
        assessorId: rechecks.assessorId,
        decidedAt: rechecks.decidedAt,
      })
      .from(rechecks)
      .where(eq(rechecks.assessmentId, id))
      .all()
      .sort(byId),
  };
  if (includePhotos) {
    record.photos = tx
      .select()
      .from(photos)
      .where(eq(photos.assessmentId, id))
      .all()
      .map(({ assessmentId: _a, bytes, markup, ...photo }) => ({ ...photo, markup: markup === null ? null : (JSON.parse(markup) as PhotoMarkup), base64: Buffer.from(bytes).toString('base64') }))
      .sort(byId);
  }
  return record;
}

/** The ward type and bed count an assessment is scored on: frozen at sign-off, else the register's. */
function wardAsScored(tx: DbOrTx, view: { wardId: string; wardType: WardType | null; bedCount: number | null }) {
  if (view.wardType !== null && view.bedCount !== null) return { wardType: view.wardType, bedCount: view.bedCount };
  const ward = getWard(tx, view.wardId);
  return { wardType: ward.type, bedCount: ward.bedCount };
}
