import { z } from 'zod';
import {
  Area,
  AreaCreate,
  AreaUpdate,
  Board,
  BoardCreate,
  BoardRename,
  ById,
  EstatePath,
  Id,
  Removed,
  Site,
  SiteCreate,
  SiteRename,
  Ward,
  WardCreate,
  WardUpdate,
} from '../domain/estate-schemas';
import type { ContractSlice } from './types';

/** The estate register: Board → Site → Ward → Area. */
export const estateContract = {
  'boards.list': () => ({ input: z.object({}).strict(), output: z.array(Board) }),
  'boards.get': () => ({ input: ById, output: Board }),
  'boards.create': () => ({ input: BoardCreate, output: Board }),
  'boards.rename': () => ({ input: BoardRename, output: Board }),
  /** Removes the board and everything under it; refused if any ward under it has assessments. */
  'boards.remove': () => ({ input: ById, output: Removed }),

  'sites.list': () => ({ input: z.object({ boardId: Id }), output: z.array(Site) }),
  'sites.get': () => ({ input: ById, output: Site }),
  'sites.create': () => ({ input: SiteCreate, output: Site }),
  'sites.rename': () => ({ input: SiteRename, output: Site }),
  'sites.remove': () => ({ input: ById, output: Removed }),

  'wards.list': () => ({ input: z.object({ siteId: Id }), output: z.array(Ward) }),
  'wards.get': () => ({ input: ById, output: Ward }),
  'wards.create': () => ({ input: WardCreate, output: Ward }),
  'wards.update': () => ({ input: WardUpdate, output: Ward }),
  'wards.remove': () => ({ input: ById, output: Removed }),

  'areas.list': () => ({ input: z.object({ wardId: Id }), output: z.array(Area) }),
  'areas.create': () => ({ input: AreaCreate, output: Area }),
  'areas.update': () => ({ input: AreaUpdate, output: Area }),
  'areas.remove': () => ({ input: ById, output: Removed }),

  /** Where a board, site or ward sits, for breadcrumbs. Give exactly one id. */
  'estate.path': () => ({
    input: z
      .object({ boardId: Id.optional(), siteId: Id.optional(), wardId: Id.optional() })
      .refine((v) => [v.boardId, v.siteId, v.wardId].filter(Boolean).length === 1, {
        message: 'Give exactly one of boardId, siteId or wardId',
      }),
    output: EstatePath,
  }),
} satisfies ContractSlice;
