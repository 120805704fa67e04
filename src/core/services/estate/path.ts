import type { ParsedInput } from '../../../shared/contract';
import type { ServiceContext } from '../../context';
import { getBoard } from './boards';
import { getSite } from './sites';
import { getWard } from './wards';

/** Board, site and ward names above a record, for breadcrumbs. */
export function estatePath(ctx: ServiceContext, input: ParsedInput<'estate.path'>) {
  const ward = input.wardId ? getWard(ctx.db, input.wardId) : null;
  const site = ward ? getSite(ctx.db, ward.siteId) : input.siteId ? getSite(ctx.db, input.siteId) : null;
  const board = getBoard(ctx.db, site ? site.boardId : (input.boardId as string));
  return {
    board: { id: board.id, name: board.name },
    site: site ? { id: site.id, name: site.name } : null,
    ward: ward ? { id: ward.id, name: ward.name } : null,
  };
}
