import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import type { ContractSlice } from './types';

export const BACKUP_REASONS = ['startup', 'manual', 'sign-off', 'before-restore'] as const;

/** A backup file's name: only names the app itself writes are accepted (no paths). */
export const BackupName = lazySchema(() =>
  z
    .string({ message: 'Choose a backup' })
    .max(120, 'Choose a backup from the list')
    .regex(/^backup-\d{5}-\d{8}-\d{6}-[a-z-]+\.sqlite$/, 'Choose a backup from the list'),
);

export const BackupContents = lazySchema(() => z.object({
  /** Schema changes applied in the backup (this version's count or fewer). */
  schemaVersion: z.number().int(),
  boards: z.number().int(),
  sites: z.number().int(),
  wards: z.number().int(),
  assessments: z.number().int(),
  signedOff: z.number().int(),
  /** When the latest answer in it was recorded, or null if none. */
  latestAnswerAt: z.string().nullable(),
}));

export const BackupInfo = lazySchema(() => z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  sizeBytes: z.number().int(),
  /** A checksum was written beside it when it was made (backups made by earlier versions have none). */
  hasChecksum: z.boolean(),
  /** It was checked in full for this listing (checksum and integrity) and passed. */
  verified: z.boolean(),
  /** What it holds, or null when it cannot be read or failed a check (then `problem` says why). */
  contents: BackupContents.nullable(),
  problem: z.string().nullable(),
}));

export const BackupRestored = lazySchema(() => z.object({
  restored: BackupInfo,
  /** The copy of the database as it was just before the restore; null when it was damaged (see setAside). */
  safetyCopy: BackupInfo.nullable(),
  /** Where the damaged database was moved, kept for the support desk; null when it was not damaged. */
  setAside: z.string().nullable(),
}));

/** What the app knows when its database could not be opened (recovery mode). */
export const RecoveryInfo = lazySchema(() => z.object({
  /** The database file that could not be opened. */
  file: z.string(),
  /** What is wrong with it, in words. */
  problem: z.string(),
}));

/** Copies of the database kept in a "backups" folder beside it. */
export const backupsContract = {
  /** Newest first; `verify` checks each in full (checksum, integrity), as the recovery page does. */
  'backups.list': () => ({ input: z.object({ verify: z.boolean().default(false) }).strict(), output: z.array(BackupInfo) }),
  'backups.create': () => ({ input: z.object({}).strict(), output: BackupInfo }),
  /** Checks the backup, copies the current database aside, then puts the backup in its place. */
  'backups.restore': () => ({ input: z.object({ name: BackupName }).strict(), output: BackupRestored }),
  /**
   * Recovery mode only: moves the damaged database aside (kept, for the support desk) and starts
   * an empty one, for when no backup is good.
   */
  'recovery.startEmpty': () => ({ input: z.object({}).strict(), output: z.object({ setAside: z.string() }) }),
} satisfies ContractSlice;
