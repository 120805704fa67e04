import { z } from 'zod';
import type { ContractSlice } from './types';

export const BACKUP_REASONS = ['startup', 'manual', 'sign-off', 'before-restore'] as const;

/** A backup file's name: only names the app itself writes are accepted (no paths). */
export const BackupName = z
  .string({ message: 'Choose a backup' })
  .max(120, 'Choose a backup from the list')
  .regex(/^backup-\d{5}-\d{8}-\d{6}-[a-z-]+\.sqlite$/, 'Choose a backup from the list');

export const BackupContents = z.object({
  /** Schema changes applied in the backup (this version's count or fewer). */
  schemaVersion: z.number().int(),
  boards: z.number().int(),
  sites: z.number().int(),
  wards: z.number().int(),
  assessments: z.number().int(),
  signedOff: z.number().int(),
  /** When the latest answer in it was recorded, or null if none. */
  latestAnswerAt: z.string().nullable(),
});

export const BackupInfo = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  sizeBytes: z.number().int(),
  /** What it holds, or null when it cannot be read (then `problem` says why). */
  contents: BackupContents.nullable(),
  problem: z.string().nullable(),
});

export const BackupRestored = z.object({
  restored: BackupInfo,
  /** The copy of the database as it was just before the restore. */
  safetyCopy: BackupInfo,
});

/** Copies of the database kept in a "backups" folder beside it. */
export const backupsContract = {
  /** Newest first. */
  'backups.list': { input: z.object({}).strict(), output: z.array(BackupInfo) },
  'backups.create': { input: z.object({}).strict(), output: BackupInfo },
  /** Checks the backup, copies the current database aside, then puts the backup in its place. */
  'backups.restore': { input: z.object({ name: BackupName }).strict(), output: BackupRestored },
} satisfies ContractSlice;
