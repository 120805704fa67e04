import { sql } from 'drizzle-orm';
import { rollupWardFromScores, SCORING_ENGINE_VERSION, type RollupWard, type WardScores } from '../../../shared/scoring';
import type { WardType } from '../../../shared/domain/estate';
import type { DbOrTx, ServiceContext } from '../../context';
import { assessmentScores } from '../../db/schema';
import { scoreAssessment, scoreAssessments } from '../assessments/score';

// The read model behind reports and comparison: for each ward in scope, its current assessment
// (per round) with the engine's scores. Signed-off assessments are read-only, so their scores are
// cached in assessment_scores when they are signed off or imported; drafts are scored live.

export interface ScopeFilter {
  boardId?: string;
  siteId?: string;
  wardId?: string;
  wardTypes?: readonly WardType[];
  /** A round such as "2026/27"; without it, each ward's latest round. */
  round?: string;
  /** Leave out drafts (reports to a board and returns use signed-off work only). */
  signedOffOnly?: boolean;
}

export interface ScoredWard {
  board: { id: string; name: string; code: string | null };
  site: { id: string; name: string };
  /** Type and bed count as signed off (the register's for a draft): what the scores were computed on. */
  ward: { id: string; name: string; type: WardType; bedCount: number; sexDesignation: string };
  assessment: { id: string; round: string; assessedOn: string; status: 'draft' | 'signed_off'; signedOffAt: string | null };
  scores: WardScores;
  rollup: RollupWard;
}

interface Row {
  boardId: string;
  boardName: string;
  boardCode: string | null;
  siteId: string;
  siteName: string;
  wardId: string;
  wardName: string;
  wardType: string;
  bedCount: number;
  sexDesignation: string;
  assessmentId: string;
  round: string;
  assessedOn: string;
  status: 'draft' | 'signed_off';
  signedOffAt: string | null;
  cached: string | null;
  engine: string | null;
}

/**
 * The current assessment of each ward in scope: for the round asked for (or the ward's latest
 * round), the signed-off one if any, else the latest draft; ties go to the later date, then the
 * later creation. Ordered by board, site and ward name.
 */
export function scoredWards(tx: DbOrTx, filter: ScopeFilter = {}): ScoredWard[] {
  const conditions = [sql`1 = 1`];
  if (filter.boardId) conditions.push(sql`b.id = ${filter.boardId}`);
  if (filter.siteId) conditions.push(sql`s.id = ${filter.siteId}`);
  if (filter.wardId) conditions.push(sql`w.id = ${filter.wardId}`);
  // The ward type that counts is the one the current assessment was scored on (frozen at sign-off),
  // so it is filtered after each ward's current assessment is chosen.
  const typeFilter =
    filter.wardTypes && filter.wardTypes.length > 0
      ? sql` AND coalesce(r.ward_type, w.type) IN (${sql.join(filter.wardTypes.map((t) => sql`${t}`), sql`, `)})`
      : sql``;
  if (filter.round) conditions.push(sql`a.round = ${filter.round}`);
  if (filter.signedOffOnly) conditions.push(sql`a.status = 'signed_off'`);
  const rows = tx.all<Row>(sql`
    WITH ranked AS (
      SELECT a.*, row_number() OVER (
        PARTITION BY a.ward_id
        ORDER BY a.round DESC, (a.status = 'signed_off') DESC, a.assessed_on DESC, a.created_at DESC
      ) AS position
      FROM assessments a JOIN wards w ON w.id = a.ward_id JOIN sites s ON s.id = w.site_id JOIN boards b ON b.id = s.board_id
      WHERE ${sql.join(conditions, sql` AND `)}
    )
    SELECT b.id AS boardId, b.name AS boardName, b.code AS boardCode, s.id AS siteId, s.name AS siteName,
           w.id AS wardId, w.name AS wardName,
           coalesce(r.ward_type, w.type) AS wardType, coalesce(r.bed_count, w.bed_count) AS bedCount,
           w.sex_designation AS sexDesignation, r.id AS assessmentId, r.round AS round,
           r.assessed_on AS assessedOn, r.status AS status, r.signed_off_at AS signedOffAt,
           c.scores AS cached, c.engine AS engine
    FROM ranked r JOIN wards w ON w.id = r.ward_id JOIN sites s ON s.id = w.site_id JOIN boards b ON b.id = s.board_id
    LEFT JOIN assessment_scores c ON c.assessment_id = r.id
    WHERE r.position = 1${typeFilter}
    ORDER BY lower(b.name), lower(s.name), lower(w.name)`);

  const isCached = (row: Row) => row.cached !== null && row.engine === SCORING_ENGINE_VERSION && row.status === 'signed_off';
  // Drafts (and any score cached by an older engine) are scored live, all in one batch.
  const live = scoreAssessments(tx, rows.filter((row) => !isCached(row)).map((row) => row.assessmentId));
  return rows.map((row) => {
    const scores = isCached(row) ? (JSON.parse(row.cached!) as WardScores) : live.get(row.assessmentId)!.scores;
    const ward = { id: row.wardId, name: row.wardName, type: row.wardType as WardType, bedCount: row.bedCount, sexDesignation: row.sexDesignation };
    return {
      board: { id: row.boardId, name: row.boardName, code: row.boardCode },
      site: { id: row.siteId, name: row.siteName },
      ward,
      assessment: { id: row.assessmentId, round: row.round, assessedOn: row.assessedOn, status: row.status, signedOffAt: row.signedOffAt },
      scores,
      rollup: rollupWardFromScores(ward, scores),
    };
  });
}

/**
 * Scores a signed-off assessment and keeps the result (call in the sign-off or import transaction).
 * Returns the scores so the caller can compare them with what a file declared.
 */
export function cacheScores(tx: DbOrTx, ctx: Pick<ServiceContext, 'now'>, assessmentId: string): WardScores {
  const { scores } = scoreAssessment(tx, assessmentId);
  storeScores(tx, ctx, assessmentId, scores);
  return scores;
}

/** cacheScores for many assessments at once (an import adds hundreds), scored in one batch. */
export function cacheScoresOf(tx: DbOrTx, ctx: Pick<ServiceContext, 'now'>, assessmentIds: readonly string[]): void {
  for (const [assessmentId, { scores }] of scoreAssessments(tx, assessmentIds)) storeScores(tx, ctx, assessmentId, scores);
}

function storeScores(tx: DbOrTx, ctx: Pick<ServiceContext, 'now'>, assessmentId: string, scores: WardScores): void {
  const row = { engine: SCORING_ENGINE_VERSION, scores: JSON.stringify(scores), computedAt: ctx.now().toISOString() };
  tx.insert(assessmentScores)
    .values({ assessmentId, ...row })
    .onConflictDoUpdate({ target: assessmentScores.assessmentId, set: row })
    .run();
}
