import { eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { DbOrTx, ServiceContext } from '../../context';
import { isoNow } from '../../context';
import { sites } from '../../db/schema';
import { notFound } from '../../errors';
import { recordAudit } from '../audit';
import { getBoard } from './boards';
import { removeSubtree } from './remove';
import { assertNameFree } from './rules';
import { writeTransaction } from '../../db/transactions';

const siteColumns = {
  id: sites.id,
  boardId: sites.boardId,
  name: sites.name,
  eamsSiteCode: sites.eamsSiteCode,
  createdAt: sites.createdAt,
  updatedAt: sites.updatedAt,
  wardCount: sql<number>`(SELECT count(*) FROM wards w WHERE w.site_id = sites.id)`,
};

export function listSites(ctx: ServiceContext, input: ParsedInput<'sites.list'>) {
  getBoard(ctx.db, input.boardId);
  return ctx.db
    .select(siteColumns)
    .from(sites)
    .where(eq(sites.boardId, input.boardId))
    .orderBy(sql`lower(${sites.name})`)
    .all();
}

export function getSite(tx: DbOrTx, id: string) {
  const row = tx.select(siteColumns).from(sites).where(eq(sites.id, id)).get();
  if (!row) throw notFound('site', id);
  return row;
}

export function createSite(ctx: ServiceContext, input: ParsedInput<'sites.create'>) {
  return writeTransaction(ctx.db, (tx) => {
    const board = getBoard(tx, input.boardId);
    assertNameFree(tx, 'sites', { column: 'board_id', id: input.boardId }, input.name, null, `A site in ${board.name}`);
    const now = isoNow(ctx);
    const row = {
      id: ctx.newId(),
      boardId: input.boardId,
      name: input.name,
      eamsSiteCode: input.eamsSiteCode,
      createdAt: now,
      updatedAt: now,
    };
    tx.insert(sites).values(row).run();
    recordAudit(tx, ctx, 'create', 'site', row.id, null, row);
    return getSite(tx, row.id);
  });
}

export function renameSite(ctx: ServiceContext, input: ParsedInput<'sites.rename'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = getSite(tx, input.id);
    assertNameFree(tx, 'sites', { column: 'board_id', id: before.boardId }, input.name, input.id, 'A site in this board');
    tx.update(sites).set({ name: input.name, updatedAt: isoNow(ctx) }).where(eq(sites.id, input.id)).run();
    recordAudit(tx, ctx, 'update', 'site', input.id, { name: before.name }, { name: input.name });
    return getSite(tx, input.id);
  });
}

export function removeSite(ctx: ServiceContext, input: ParsedInput<'sites.remove'>) {
  return writeTransaction(ctx.db, (tx) => {
    const site = getSite(tx, input.id);
    return removeSubtree(tx, ctx, { siteId: input.id }, `Site "${site.name}"`);
  });
}
