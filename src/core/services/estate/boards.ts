import { eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { DbOrTx, ServiceContext } from '../../context';
import { isoNow } from '../../context';
import { boards } from '../../db/schema';
import { notFound } from '../../errors';
import { recordAudit } from '../audit';
import { removeSubtree } from './remove';
import { assertNameFree } from './rules';
import { writeTransaction } from '../../db/transactions';

const boardColumns = {
  id: boards.id,
  name: boards.name,
  code: boards.code,
  createdAt: boards.createdAt,
  updatedAt: boards.updatedAt,
  siteCount: sql<number>`(SELECT count(*) FROM sites s WHERE s.board_id = boards.id)`,
  wardCount: sql<number>`(SELECT count(*) FROM wards w JOIN sites s ON s.id = w.site_id WHERE s.board_id = boards.id)`,
};

export function listBoards(ctx: ServiceContext) {
  return ctx.db.select(boardColumns).from(boards).orderBy(sql`lower(${boards.name})`).all();
}

export function getBoard(tx: DbOrTx, id: string) {
  const row = tx.select(boardColumns).from(boards).where(eq(boards.id, id)).get();
  if (!row) throw notFound('board', id);
  return row;
}

export function createBoard(ctx: ServiceContext, input: ParsedInput<'boards.create'>) {
  return writeTransaction(ctx.db, (tx) => {
    assertNameFree(tx, 'boards', null, input.name, null, 'A board');
    const now = isoNow(ctx);
    const row = { id: ctx.newId(), name: input.name, code: input.code, createdAt: now, updatedAt: now };
    tx.insert(boards).values(row).run();
    recordAudit(tx, ctx, 'create', 'board', row.id, null, row);
    return getBoard(tx, row.id);
  });
}

export function renameBoard(ctx: ServiceContext, input: ParsedInput<'boards.rename'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = getBoard(tx, input.id);
    assertNameFree(tx, 'boards', null, input.name, input.id, 'A board');
    tx.update(boards).set({ name: input.name, updatedAt: isoNow(ctx) }).where(eq(boards.id, input.id)).run();
    recordAudit(tx, ctx, 'update', 'board', input.id, { name: before.name }, { name: input.name });
    return getBoard(tx, input.id);
  });
}

export function removeBoard(ctx: ServiceContext, input: ParsedInput<'boards.remove'>) {
  return writeTransaction(ctx.db, (tx) => {
    const board = getBoard(tx, input.id);
    return removeSubtree(tx, ctx, { boardId: input.id }, `Board "${board.name}"`);
  });
}
