import { sql, type SQL } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { CompareData, CompareRow } from '../../../shared/contract/compare';
import { WARD_TYPES, type WardType } from '../../../shared/domain/estate';
import { rollUp } from '../../../shared/scoring';
import type { DbOrTx } from '../../context';
import { getBoard } from '../estate/boards';
import { getSite } from '../estate/sites';
import { scoredWards, type ScopeFilter, type ScoredWard } from '../scores/scored-wards';
import { rowFigures, type EnSuiteCount } from './cells';

// compare.data: one scoredWards read (the results kept at sign-off; drafts, only when asked
// for, scored live), then pure roll-ups in memory.

interface Group {
  kind: CompareRow['kind'];
  id: string;
  name: string;
}

export function compareData(tx: DbOrTx, input: ParsedInput<'compare.data'>): CompareData {
  const scope = scopeOf(tx, input);
  const filter: ScopeFilter = {
    ...(scope.board && input.level === 'board' ? { boardId: scope.board.id } : {}),
    ...(scope.site ? { siteId: scope.site.id } : {}),
    ...(input.wardTypes ? { wardTypes: input.wardTypes } : {}),
    ...(input.round ? { round: input.round } : {}),
    includeDrafts: input.includeDrafts ?? false,
  };
  const wards = scoredWards(tx, filter);
  const enSuite = enSuiteCounts(tx, wards.map((w) => w.assessment.id));

  const groups = groupsOf(tx, input.level, scope, wards);
  const keyOf = (w: ScoredWard) => (input.level === 'nation' ? w.board.id : input.level === 'board' ? w.site.id : w.ward.id);
  const members = new Map<string, ScoredWard[]>();
  for (const ward of wards) members.set(keyOf(ward), [...(members.get(keyOf(ward)) ?? []), ward]);

  const rows: CompareRow[] = groups.map((group) => {
    const inGroup = members.get(group.id) ?? [];
    const single = group.kind === 'ward' ? inGroup[0] : undefined;
    return {
      ...group,
      ward: single
        ? { type: single.ward.type, assessmentId: single.assessment.id, round: single.assessment.round, assessedOn: single.assessment.assessedOn, status: single.assessment.status }
        : null,
      ...rowFigures(inGroup, enSuite, group.kind === 'ward'),
    };
  });

  const overall = rollUp(wards.map((w) => w.rollup));
  const compliance = (domain: 'quality' | 'safety' | 'therapeutic') =>
    overall[domain].byWardType.map((g) => ({ wardType: g.wardType, wardCount: g.wardCount, ratingCounts: g.ratingCounts, distribution: g.distribution }));

  return {
    level: input.level,
    scope,
    filters: {
      wardTypes: input.wardTypes ?? [],
      round: input.round ?? null,
      includeDrafts: input.includeDrafts ?? false,
      ...available(tx, scope, input.includeDrafts ?? false),
    },
    rows,
    total: { name: scope.site?.name ?? scope.board?.name ?? 'NHS Scotland', ...rowFigures(wards, enSuite, false) },
    byWardType: {
      quality: compliance('quality'),
      safety: compliance('safety'),
      therapeutic: compliance('therapeutic'),
      ligature: overall.ligature.byWardType.map((g) => ({
        wardType: g.wardType,
        wardCount: g.wardCount,
        ratingCounts: g.ratingCounts,
        highExtremeResidual: g.highExtremeResidual,
        bedCount: g.bedCount,
        highExtremeResidualPer10Beds: g.highExtremeResidualPer10Beds,
      })),
    },
  };
}

function scopeOf(tx: DbOrTx, input: ParsedInput<'compare.data'>): CompareData['scope'] {
  if (input.level === 'nation' || input.id === undefined) return { board: null, site: null };
  if (input.level === 'board') {
    const board = getBoard(tx, input.id);
    return { board: { id: board.id, name: board.name }, site: null };
  }
  const site = getSite(tx, input.id);
  const board = getBoard(tx, site.boardId);
  return { board: { id: board.id, name: board.name }, site: { id: site.id, name: site.name } };
}

/** Every board (or every site of the board) is a row, even with no assessed ward; a site's rows are its assessed wards. */
function groupsOf(tx: DbOrTx, level: CompareData['level'], scope: CompareData['scope'], wards: readonly ScoredWard[]): Group[] {
  if (level === 'nation') {
    return tx.all<{ id: string; name: string }>(sql`SELECT id, name FROM boards ORDER BY lower(name)`).map((b) => ({ kind: 'board', ...b }));
  }
  if (level === 'board') {
    return tx
      .all<{ id: string; name: string }>(sql`SELECT id, name FROM sites WHERE board_id = ${scope.board?.id ?? ''} ORDER BY lower(name)`)
      .map((s) => ({ kind: 'site', ...s }));
  }
  return wards.map((w) => ({ kind: 'ward', id: w.ward.id, name: w.ward.name }));
}

/** Bedroom and en-suite areas as recorded in each assessment. */
function enSuiteCounts(tx: DbOrTx, assessmentIds: readonly string[]): Map<string, EnSuiteCount> {
  const counts = new Map<string, EnSuiteCount>();
  if (assessmentIds.length === 0) return counts;
  const rows = tx.all<{ assessmentId: string; bedrooms: number; enSuites: number }>(sql`
    SELECT assessment_id AS assessmentId,
           sum(type = 'bedroom') AS bedrooms,
           sum(type = 'en_suite') AS enSuites
    FROM assessment_areas
    WHERE assessment_id IN (${sql.join(assessmentIds.map((id) => sql`${id}`), sql`, `)})
    GROUP BY assessment_id`);
  for (const row of rows) counts.set(row.assessmentId, { bedrooms: row.bedrooms, enSuites: row.enSuites });
  return counts;
}

/** The rounds (newest first) and ward types that have an assessment in scope, for the filters. */
function available(tx: DbOrTx, scope: CompareData['scope'], includeDrafts: boolean) {
  const where: SQL[] = [sql`1 = 1`];
  if (scope.site) where.push(sql`w.site_id = ${scope.site.id}`);
  else if (scope.board) where.push(sql`s.board_id = ${scope.board.id}`);
  if (!includeDrafts) where.push(sql`a.status = 'signed_off'`);
  const from = sql`FROM assessments a JOIN wards w ON w.id = a.ward_id JOIN sites s ON s.id = w.site_id WHERE ${sql.join(where, sql` AND `)}`;
  const rounds = tx.all<{ round: string }>(sql`SELECT DISTINCT a.round AS round ${from} ORDER BY a.round DESC`).map((r) => r.round);
  const types = new Set(tx.all<{ type: string }>(sql`SELECT DISTINCT coalesce(a.ward_type, w.type) AS type ${from}`).map((r) => r.type));
  return { availableRounds: rounds, availableWardTypes: WARD_TYPES.filter((t): t is WardType => types.has(t)) };
}
