import { sql } from 'drizzle-orm';
import { currentAssessments, rollupWardFromScores, SCORING_ENGINE_VERSION, type RollupWard, type WardScores } from '../../../shared/scoring';
import type { WardType } from '../../../shared/domain/estate';
import type { DbOrTx, ServiceContext } from '../../context';
import { assessmentScores } from '../../db/schema';
import { scoreAssessment, scoreAssessments } from '../assessments/score';

// The read model behind reports and comparison: for each ward in scope, its current assessment
// (per round) with its scores. A signed-off assessment's result is kept in assessment_scores when
// it is signed off or imported, and that kept result is what it stands by — whichever engine
// computed it, never re-rated by a later one. Drafts (only when asked for) are scored live.

export interface ScopeFilter {
  boardId?: string;
  siteId?: string;
  wardId?: string;
  wardTypes?: readonly WardType[];
  /** A round such as "2026/27"; without it, each ward's latest round. */
  round?: string;
  /**
   * Roll-ups count signed-off assessments only; with this, a ward with no signed-off assessment
   * in the round is represented by its latest draft (shown as a draft wherever it appears).
   */
  includeDrafts?: boolean;
}

export interface ScoredWard {
  board: { id: string; name: string; code: string | null };
  site: { id: string; name: string };
  /** Type and bed count as signed off (the register's for a draft): what the scores were computed on. */
  ward: { id: string; name: string; type: WardType; bedCount: number; sexDesignation: string };
  assessment: { id: string; round: string; assessedOn: string; status: 'draft' | 'signed_off'; signedOffAt: string | null };
  scores: WardScores;
  /** The scoring engine that computed `scores` (a kept result keeps its engine). */
  scoredBy: string;
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
  createdAt: string;
}

/**
 * The current assessment of each ward in scope, chosen by the method's rule (currentAssessments:
 * signed-off ones only unless drafts are asked for; the round asked for, or the ward's latest;
 * signed off before draft), with its scores. Ordered by board, site and ward name.
 */
export function scoredWards(tx: DbOrTx, filter: ScopeFilter = {}): ScoredWard[] {
  const conditions = [sql`1 = 1`];
  if (filter.boardId) conditions.push(sql`b.id = ${filter.boardId}`);
  if (filter.siteId) conditions.push(sql`s.id = ${filter.siteId}`);
  if (filter.wardId) conditions.push(sql`w.id = ${filter.wardId}`);
  if (filter.round) conditions.push(sql`a.round = ${filter.round}`);
  if (!filter.includeDrafts) conditions.push(sql`a.status = 'signed_off'`);
  const candidates = tx.all<Row>(sql`
    SELECT b.id AS boardId, b.name AS boardName, b.code AS boardCode, s.id AS siteId, s.name AS siteName,
           w.id AS wardId, w.name AS wardName,
           coalesce(a.ward_type, w.type) AS wardType, coalesce(a.bed_count, w.bed_count) AS bedCount,
           w.sex_designation AS sexDesignation, a.id AS assessmentId, a.round AS round,
           a.assessed_on AS assessedOn, a.status AS status, a.signed_off_at AS signedOffAt, a.created_at AS createdAt
    FROM assessments a JOIN wards w ON w.id = a.ward_id JOIN sites s ON s.id = w.site_id JOIN boards b ON b.id = s.board_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY lower(b.name), lower(s.name), lower(w.name)`);
  // The ward type that counts is the one the current assessment was scored on (frozen at sign-off),
  // so it is filtered after each ward's current assessment is chosen.
  const types = filter.wardTypes && filter.wardTypes.length > 0 ? new Set<string>(filter.wardTypes) : null;
  const rows = currentAssessments(candidates, { ...(filter.round ? { round: filter.round } : {}), includeDrafts: filter.includeDrafts ?? false }).filter(
    (row) => !types || types.has(row.wardType),
  );

  const kept = new Map<string, { engine: string; scores: string }>();
  const signedOff = JSON.stringify(rows.filter((row) => row.status === 'signed_off').map((row) => row.assessmentId));
  for (const k of tx.all<{ assessmentId: string; engine: string; scores: string }>(
    sql`SELECT assessment_id AS assessmentId, engine, scores FROM assessment_scores WHERE assessment_id IN (SELECT value FROM json_each(${signedOff}))`,
  )) {
    kept.set(k.assessmentId, k);
  }
  // Drafts (and a signed-off assessment from before results were kept) are scored live, in one batch.
  const live = scoreAssessments(tx, rows.filter((row) => !kept.has(row.assessmentId)).map((row) => row.assessmentId));
  return rows.map((row) => {
    const keptResult = kept.get(row.assessmentId);
    const scores = keptResult ? (JSON.parse(keptResult.scores) as WardScores) : live.get(row.assessmentId)!.scores;
    const ward = { id: row.wardId, name: row.wardName, type: row.wardType as WardType, bedCount: row.bedCount, sexDesignation: row.sexDesignation };
    return {
      board: { id: row.boardId, name: row.boardName, code: row.boardCode },
      site: { id: row.siteId, name: row.siteName },
      ward,
      assessment: { id: row.assessmentId, round: row.round, assessedOn: row.assessedOn, status: row.status, signedOffAt: row.signedOffAt },
      scores,
      scoredBy: keptResult ? keptResult.engine : SCORING_ENGINE_VERSION,
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
