import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { BackupContents, BackupInfo } from '../../../shared/contract/backups';
import { sqliteCheckProblems } from '../../db/checks';
import { readChecksum, sha256OfFile, type BackupFile } from './files';

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

/**
 * Why a backup file cannot be trusted, or null: empty, changed since it was made (its checksum),
 * or damaged inside (SQLite's integrity check). `file` may be a copy of the backup.
 */
export function backupFileProblem(backup: BackupFile, file: string, sqlite: () => Database.Database): string | null {
  if (fs.statSync(file).size === 0) return 'It is empty (0 bytes): the copy was lost.';
  const checksum = readChecksum(backup.file);
  if (checksum !== null && checksum !== sha256OfFile(file)) {
    return 'It has changed since it was made: its bytes no longer match the checksum written beside it (a failing disk, or a damaged copy). Choose an earlier backup.';
  }
  let problems: string | null;
  try {
    problems = sqliteCheckProblems(sqlite(), 'integrity_check');
  } catch (error) {
    // A backup that SQLite cannot read at all: its problem, not the open database's.
    return `It is damaged: SQLite cannot read it (${error instanceof Error ? error.message : String(error)}).`;
  }
  return problems ? `It is damaged: SQLite's integrity check found ${problems}.` : null;
}

/**
 * Opens a backup read-only and says what it holds; a file that cannot be read says why. With
 * `verify`, it is also checked in full (checksum and integrity), as the recovery page does to
 * offer the newest good one.
 */
export function describeBackup(backup: BackupFile, options: { verify?: boolean; nativeBinding?: string } = {}): z.infer<typeof BackupInfo> {
  const base = {
    name: backup.name,
    createdAt: backup.createdAt,
    reason: backup.reason,
    sizeBytes: fs.statSync(backup.file).size,
    hasChecksum: readChecksum(backup.file) !== null,
    verified: false,
  };
  let sqlite: Database.Database | undefined;
  const open = () => (sqlite ??= new Database(backup.file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }));
  try {
    if (base.sizeBytes === 0) return { ...base, contents: null, problem: 'It is empty (0 bytes): the copy was lost.' };
    if (options.verify) {
      const problem = backupFileProblem(backup, backup.file, open);
      if (problem) return { ...base, contents: null, problem };
    }
    return { ...base, verified: options.verify === true, contents: readContents(open()), problem: null };
  } catch (error) {
    return { ...base, contents: null, problem: `It cannot be read as a database of this app (${error instanceof Error ? error.message : String(error)}).` };
  } finally {
    sqlite?.close();
  }
}
