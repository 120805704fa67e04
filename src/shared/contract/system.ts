import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { RecoveryInfo } from './backups';
import type { ContractSlice } from './types';

export const AppInfo = lazySchema(() => z.object({
  name: z.string(),
  version: z.string(),
  /** Which door the UI is talking through: the desktop app or the browser bridge. */
  door: z.enum(['ipc', 'http', 'cli']),
  databaseFile: z.string(),
  /** Number of migrations applied to the open database. */
  schemaVersion: z.number().int(),
  estateIsEmpty: z.boolean(),
  /** Set when the database could not be opened: the app shows the recovery page instead. */
  recovery: RecoveryInfo.nullable(),
}));

export const AuditEntry = lazySchema(() => z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
}));

export const DemoSeeded = lazySchema(() => z.object({
  boardId: z.string(),
  sites: z.number().int(),
  wards: z.number().int(),
  areas: z.number().int(),
}));

/** Operations about the app itself rather than the estate. */
export const systemContract = {
  'app.info': () => ({ input: z.object({}).strict(), output: AppInfo }),
  /** Adds the fictional demo board (3 sites, 12 wards). Refused if a board of that name exists. */
  'demo.seed': () => ({ input: z.object({}).strict(), output: DemoSeeded }),
  /** Newest first. Filter by the record the entries concern. */
  'audit.list': () => ({
    input: z.object({
      // Up to 110: an answer's id is "<assessment>:<item>:<area or ward>".
      entityId: z.string().max(110).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(AuditEntry),
  }),
} satisfies ContractSlice;
