import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_REASONS } from '../../../shared/contract/backups';

// Backups live in a "backups" folder beside the database file, one SQLite file each, named
// backup-<sequence>-<yyyymmdd>-<hhmmss>-<reason>.sqlite: the sequence orders them (two may share a
// second), the time says when (UTC) and the reason why.

export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupFile {
  name: string;
  file: string;
  sequence: number;
  createdAt: string;
  reason: BackupReason;
}

const NAME = /^backup-(\d{5})-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-([a-z-]+)\.sqlite$/;

export function backupsFolder(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'backups');
}

export function parseBackupName(folder: string, name: string): BackupFile | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, sequence, y, mo, d, h, mi, s, reason] = match;
  if (!(BACKUP_REASONS as readonly string[]).includes(reason!)) return null;
  return {
    name,
    file: path.join(folder, name),
    sequence: Number(sequence),
    createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}Z`,
    reason: reason as BackupReason,
  };
}

/** The backups in the folder, newest first. Files the app did not name are ignored. */
export function listBackupFiles(databaseFile: string): BackupFile[] {
  const folder = backupsFolder(databaseFile);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .map((name) => parseBackupName(folder, name))
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => b.sequence - a.sequence);
}

export function nextBackupName(databaseFile: string, at: Date, reason: BackupReason): string {
  const sequence = (listBackupFiles(databaseFile)[0]?.sequence ?? 0) + 1;
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `backup-${String(sequence % 100000).padStart(5, '0')}-${stamp}-${reason}.sqlite`;
}
