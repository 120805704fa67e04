import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_REASONS } from '../../../shared/contract/backups';
import { isAlive } from '../../db/presence';

// Backups live in a "backups" folder beside the database file, one SQLite file each, named
// backup-<sequence>-<yyyymmdd>-<hhmmss>-<reason>.sqlite: the sequence orders them (two may share a
// second), the time says when (UTC) and the reason why. Beside each, <name>.sha256 holds the
// SHA-256 of its bytes as they were written, so a restore can tell a copy that changed since.
// A copy being written has a temporary name of its own (<pid>-<uuid>.partial): two processes
// backing up in the same second never write into, or remove, each other's.

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

/** The file beside a backup that holds its SHA-256 (as `sha256sum` writes it: "<hex>  <name>"). */
export function checksumFileOf(backupFile: string): string {
  return `${backupFile}.sha256`;
}

export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Writes the checksum beside a backup (whole or not at all: written aside, then renamed). */
export function writeChecksum(backupFile: string, sha256: string): void {
  const target = checksumFileOf(backupFile);
  const temp = `${target}.${process.pid}-${randomUUID()}.tmp`;
  fs.writeFileSync(temp, `${sha256}  ${path.basename(backupFile)}\n`);
  fs.renameSync(temp, target);
}

/** The SHA-256 written when the backup was made, or null if it has none (made by an earlier version). */
export function readChecksum(backupFile: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(checksumFileOf(backupFile), 'utf8');
  } catch {
    return null;
  }
  return /^([0-9a-f]{64})\s/.exec(text)?.[1] ?? 'unreadable';
}

/** A name for a copy being written, unique to this process and call. */
export function temporaryCopyName(): string {
  return `${process.pid}-${randomUUID()}.partial`;
}

const TEMPORARY = /^(\d+)-[0-9a-f-]{36}\.partial$/;
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/**
 * Removes copies left half-written by a process that died (its id is in the name) and the ones
 * earlier versions of the app named "<backup>.partial" (left by a crash, or a failed copy).
 */
export function clearAbandonedCopies(folder: string, now = Date.now()): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const mine = TEMPORARY.exec(name);
    const abandoned = mine ? !isAlive(Number(mine[1])) : name.endsWith('.sqlite.partial') && now - statTime(path.join(folder, name)) > ABANDONED_AFTER_MS;
    if (abandoned) fs.rmSync(path.join(folder, name), { force: true });
  }
}

function statTime(file: string): number {
  return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

/**
 * Gives a finished copy its backup name without ever replacing another backup: the name is taken
 * by a hard link, which fails if another process took it first, and then the next sequence number
 * is tried. (Where hard links are not supported, an exclusive copy does the same.)
 */
export function claimBackupName(databaseFile: string, copy: string, at: Date, reason: BackupReason): string {
  const folder = backupsFolder(databaseFile);
  for (let attempt = 0; ; attempt++) {
    // Read afresh each time: a name another process took is in the folder now.
    const name = nextBackupName(databaseFile, at, reason);
    const target = path.join(folder, name);
    try {
      try {
        fs.linkSync(copy, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
        fs.copyFileSync(copy, target, fs.constants.COPYFILE_EXCL);
      }
      return name;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw error;
    }
  }
}
