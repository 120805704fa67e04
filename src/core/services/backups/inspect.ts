import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { BackupContents, BackupInfo } from '../../../shared/contract/backups';
import type { BackupFile } from './files';

type Contents = z.infer<typeof BackupContents>;

/** Counts what a database file holds, reading it without changing it. */
export function readContents(sqlite: Database.Database): Contents {
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  const hasTable = (name: string) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  const hasAssessments = hasTable('assessments');
  return {
    schemaVersion: hasTable('__drizzle_migrations') ? count('SELECT count(*) AS n FROM __drizzle_migrations') : 0,
    boards: hasTable('boards') ? count('SELECT count(*) AS n FROM boards') : 0,
    sites: hasTable('sites') ? count('SELECT count(*) AS n FROM sites') : 0,
    wards: hasTable('wards') ? count('SELECT count(*) AS n FROM wards') : 0,
    assessments: hasAssessments ? count('SELECT count(*) AS n FROM assessments') : 0,
    signedOff: hasAssessments ? count("SELECT count(*) AS n FROM assessments WHERE status = 'signed_off'") : 0,
    latestAnswerAt: hasTable('answers') ? ((sqlite.prepare('SELECT max(answered_at) AS at FROM answers').get() as { at: string | null }).at ?? null) : null,
  };
}

/** Opens a backup read-only and says what it holds; a file that cannot be read says why. */
export function describeBackup(backup: BackupFile, options: { checkIntegrity?: boolean; nativeBinding?: string } = {}): z.infer<typeof BackupInfo> {
  const base = { name: backup.name, createdAt: backup.createdAt, reason: backup.reason, sizeBytes: fs.statSync(backup.file).size };
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(backup.file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    if (options.checkIntegrity) {
      const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') {
        return { ...base, contents: null, problem: `It is damaged: SQLite's integrity check found ${rows.length} problem${rows.length === 1 ? '' : 's'} (${rows[0]?.integrity_check ?? 'unknown'}).` };
      }
    }
    return { ...base, contents: readContents(sqlite), problem: null };
  } catch (error) {
    return { ...base, contents: null, problem: `It cannot be read as a database of this app (${error instanceof Error ? error.message : String(error)}).` };
  } finally {
    sqlite?.close();
  }
}
