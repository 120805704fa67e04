import { eq, sql } from 'drizzle-orm';
import type { PhotoMarkup } from '../../../shared/domain/walkthrough-schemas';
import type { EstateReportInput, EstateWardInput, ReportLigaturePoint, WardReportInput } from '../../../shared/reports';
import type { DbOrTx } from '../../context';
import { photos } from '../../db/schema';
import { AppError } from '../../errors';
import { listActions } from '../assessments/actions';
import { listAnswers } from '../assessments/answers';
import { listLigaturePoints } from '../assessments/ligature-points';
import { pinnedTemplates } from '../assessments/pinned';
import { getAssessment } from '../assessments/read';
import { assessmentResult } from '../assessments/score';
import { getBoard } from '../estate/boards';
import { getSite } from '../estate/sites';
import { getWard } from '../estate/wards';
import { scoredWards, type ScopeFilter } from '../scores/scored-wards';

// Reading what a report needs, all inside one read transaction (the caller's), so the report is a
// consistent snapshot. Rendering happens afterwards, outside the transaction.

export interface ReportStamp {
  generatedAt: string;
  app: { name: string; version: string };
}

function points(tx: DbOrTx, assessmentId: string): ReportLigaturePoint[] {
  return listLigaturePoints(tx, assessmentId).map((p) => ({
    id: p.id,
    areaId: p.areaId,
    element: p.element,
    heightBand: p.heightBand,
    tier: p.tier,
    tierReason: p.tierReason,
    description: p.description,
    controls: p.controls,
    otherControlConfirmedBy: p.otherControlConfirmedBy,
    otherControlConfirmedAt: p.otherControlConfirmedAt,
    copiedFromPointId: p.copiedFromPointId,
    copyConfirmedAt: p.copyConfirmedAt,
  }));
}

export function readWardReport(tx: DbOrTx, assessmentId: string, stamp: ReportStamp): WardReportInput {
  const assessment = getAssessment(tx, assessmentId);
  const result = assessmentResult(tx, assessmentId);
  const ward = getWard(tx, assessment.wardId);
  const site = getSite(tx, ward.siteId);
  const board = getBoard(tx, site.boardId);
  return {
    ...stamp,
    board: { name: board.name, code: board.code },
    site: { name: site.name },
    // As scored: the type and beds frozen at sign-off (the register's for a draft).
    ward: { name: ward.name, type: assessment.wardType ?? ward.type, bedCount: assessment.bedCount ?? ward.bedCount, sexDesignation: ward.sexDesignation },
    assessment: {
      id: assessment.id,
      round: assessment.round,
      assessedOn: assessment.assessedOn,
      status: assessment.status,
      signedOffAt: assessment.signedOffAt,
      signedOffBy: assessment.signedOffBy,
      assessors: assessment.assessors.map((a) => ({ name: a.name, role: a.role })),
      areas: assessment.areas,
      templates: assessment.templates,
    },
    templates: pinnedTemplates(tx, assessment),
    // A signed-off assessment reports the result it was signed off with, and says which engine computed it.
    scores: result.scores,
    scoredBy: { engine: result.engine, kept: result.kept },
    answers: listAnswers(tx, assessmentId).map((a) => ({ id: a.id, itemId: a.itemId, areaId: a.areaId, value: a.value, note: a.note, copiedFromAreaId: a.copiedFromAreaId })),
    ligaturePoints: points(tx, assessmentId),
    actions: listActions(tx, assessmentId),
    photos: tx
      .select()
      .from(photos)
      .where(eq(photos.assessmentId, assessmentId))
      .orderBy(photos.createdAt)
      .all()
      .map((p) => ({
        answerId: p.answerId,
        ligaturePointId: p.ligaturePointId,
        mimeType: p.mimeType,
        base64: Buffer.from(p.bytes).toString('base64'),
        caption: p.caption,
        width: p.width,
        height: p.height,
        markup: p.markup === null ? null : (JSON.parse(p.markup) as PhotoMarkup),
      })),
  };
}

export type EstateScope = { kind: 'board'; boardId: string } | { kind: 'site'; siteId: string };

function scopeCondition(scope: EstateScope) {
  return scope.kind === 'board' ? sql`s.board_id = ${scope.boardId}` : sql`s.id = ${scope.siteId}`;
}

/** Rounds with at least one assessment in the scope (signed off, unless drafts are included), newest first. */
export function roundsIn(tx: DbOrTx, scope: EstateScope, includeDrafts: boolean): string[] {
  const status = includeDrafts ? sql`` : sql` AND a.status = 'signed_off'`;
  return tx
    .all<{ round: string }>(
      sql`SELECT DISTINCT a.round AS round FROM assessments a JOIN wards w ON w.id = a.ward_id JOIN sites s ON s.id = w.site_id
          WHERE ${scopeCondition(scope)}${status} ORDER BY a.round DESC`,
    )
    .map((r) => r.round);
}

/**
 * An estate report counts signed-off assessments; with `includeDrafts`, a ward with none in the
 * round is represented by its latest draft, marked as a draft wherever it appears.
 */
export function readEstateReport(tx: DbOrTx, scope: EstateScope, requestedRound: string | undefined, includeDrafts: boolean, stamp: ReportStamp): EstateReportInput {
  const site = scope.kind === 'site' ? getSite(tx, scope.siteId) : null;
  const board = getBoard(tx, scope.kind === 'board' ? scope.boardId : (site?.boardId as string));
  const scopeName = site ? site.name : board.name;
  const rounds = roundsIn(tx, scope, includeDrafts);
  if (requestedRound !== undefined && !rounds.includes(requestedRound)) {
    const what = includeDrafts ? 'assessed' : 'signed off';
    const known = (rounds.length > 0 ? `Rounds ${what} there: ${rounds.join(', ')}.` : `No ward there has been ${what} yet.`) + (includeDrafts ? '' : ' Include drafts to report on assessments not yet signed off.');
    throw new AppError('VALIDATION', `No ward in ${scopeName} was ${what} in round ${requestedRound}. ${known}`, [
      { path: ['round'], message: `Choose a round in which ${scopeName} was ${what}` },
    ]);
  }
  const round = requestedRound ?? rounds[0] ?? null;
  const previousRound = round === null ? null : (rounds.find((r) => r < round) ?? null);
  const filter: ScopeFilter = { ...(scope.kind === 'board' ? { boardId: scope.boardId } : { siteId: scope.siteId }), includeDrafts };

  const current: EstateWardInput[] =
    round === null
      ? []
      : scoredWards(tx, { ...filter, round }).map((scored) => {
          const assessment = getAssessment(tx, scored.assessment.id);
          return {
            siteName: scored.site.name,
            wardId: scored.ward.id,
            wardName: scored.ward.name,
            wardType: scored.ward.type,
            bedCount: scored.ward.bedCount,
            assessment: {
              id: assessment.id,
              round: assessment.round,
              assessedOn: assessment.assessedOn,
              status: assessment.status,
              assessorRoles: assessment.assessors.map((a) => a.role),
              templates: assessment.templates,
              areas: assessment.areas,
            },
            scores: scored.scores,
            scoredBy: scored.scoredBy,
            rollup: scored.rollup,
            ligaturePoints: points(tx, assessment.id),
            actions: listActions(tx, assessment.id),
          };
        });

  const wardsInScope = tx.all<{ wardId: string; wardName: string; siteName: string; wardType: string }>(
    sql`SELECT w.id AS wardId, w.name AS wardName, s.name AS siteName, w.type AS wardType
        FROM wards w JOIN sites s ON s.id = w.site_id WHERE ${scopeCondition(scope)}`,
  );
  const siteCount = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM sites s WHERE ${scopeCondition(scope)}`)?.n ?? 0;

  return {
    ...stamp,
    kind: scope.kind,
    scopeName,
    board: { name: board.name, code: board.code },
    round,
    previousRound,
    includeDrafts,
    siteCount,
    wardsInScope: wardsInScope.map((w) => ({ ...w, wardType: w.wardType as EstateWardInput['wardType'] })),
    current,
    previous: previousRound === null ? [] : scoredWards(tx, { ...filter, round: previousRound }).map((s) => s.rollup),
  };
}
