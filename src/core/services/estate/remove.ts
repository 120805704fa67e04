import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, ServiceContext } from '../../context';
import { areas, boards, sites, wards } from '../../db/schema';
import { recordAudit } from '../audit';
import { assertNoAssessments, assessedWardsUnder } from './rules';

type Scope = { boardId: string } | { siteId: string } | { wardId: string };

/**
 * Removes a board, site or ward with everything under it, after refusing if any ward in it has
 * assessments. Every removed row gets its own audit entry with its last content, so the audit
 * log alone can say what was there. Call inside a transaction.
 */
export function removeSubtree(tx: DbOrTx, ctx: ServiceContext, scope: Scope, description: string) {
  assertNoAssessments(assessedWardsUnder(tx, scope), description, 'wardId' in scope ? 'ward or area' : 'board or site');

  const siteRows =
    'boardId' in scope ? tx.select().from(sites).where(eq(sites.boardId, scope.boardId)).all() : [];
  const wardRows =
    'wardId' in scope
      ? tx.select().from(wards).where(eq(wards.id, scope.wardId)).all()
      : 'siteId' in scope
        ? tx.select().from(wards).where(eq(wards.siteId, scope.siteId)).all()
        : siteRows.length > 0
          ? tx.select().from(wards).where(inArray(wards.siteId, siteRows.map((s) => s.id))).all()
          : [];
  const areaRows =
    wardRows.length > 0
      ? tx.select().from(areas).where(inArray(areas.wardId, wardRows.map((w) => w.id))).all()
      : [];

  for (const row of areaRows) recordAudit(tx, ctx, 'delete', 'area', row.id, row, null);
  for (const row of wardRows) recordAudit(tx, ctx, 'delete', 'ward', row.id, row, null);

  if ('wardId' in scope) {
    tx.delete(wards).where(eq(wards.id, scope.wardId)).run();
    return { id: scope.wardId, removed: { sites: 0, wards: wardRows.length, areas: areaRows.length } };
  }
  if ('siteId' in scope) {
    const site = tx.select().from(sites).where(eq(sites.id, scope.siteId)).get();
    recordAudit(tx, ctx, 'delete', 'site', scope.siteId, site, null);
    tx.delete(sites).where(eq(sites.id, scope.siteId)).run();
    return { id: scope.siteId, removed: { sites: 1, wards: wardRows.length, areas: areaRows.length } };
  }
  for (const row of siteRows) recordAudit(tx, ctx, 'delete', 'site', row.id, row, null);
  const board = tx.select().from(boards).where(eq(boards.id, scope.boardId)).get();
  recordAudit(tx, ctx, 'delete', 'board', scope.boardId, board, null);
  tx.delete(boards).where(eq(boards.id, scope.boardId)).run();
  return {
    id: scope.boardId,
    removed: { sites: siteRows.length, wards: wardRows.length, areas: areaRows.length },
  };
}

/** Number of boards: the app offers the demo estate while this is 0. */
export function countBoards(tx: DbOrTx): number {
  return tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM boards`).n;
}
