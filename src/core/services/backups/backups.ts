import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { BackupInfo, BackupRestored } from '../../../shared/contract/backups';
import type { ServiceContext } from '../../context';
import { sqliteCheckProblems } from '../../db/checks';
import { describeOpener } from '../../db/presence';
import { writeTransaction } from '../../db/transactions';
import { AppError, DatabaseDamaged } from '../../errors';
import { recordAudit } from '../audit';
import { checkRestorable } from './check';
import type { StoreControl } from './control';
import {
  backupsFolder,
  checksumFileOf,
  claimBackupName,
  clearAbandonedCopies,
  listBackupFiles,
  parseBackupName,
  sha256OfFile,
  temporaryCopyName,
  writeChecksum,
  type BackupReason,
} from './files';
import { describeBackup } from './inspect';

// Rotating copies of the database. A copy is made with SQLite's VACUUM INTO: one statement that
// writes a consistent, compact snapshot of the open database (committed data only, WAL included)
// while this process keeps its handle. It is synchronous like the rest of the store, so a backup
// can be taken between two operations (at start-up, on request, after a sign-off commits) without
// the async step-wise online-backup API, which restarts when the source changes mid-copy. It
// cannot run inside a transaction: callers take it after their transaction commits. Before each
// copy, SQLite's full integrity check runs on the database (a damaged one is not copied over good
// backups: the app goes into recovery mode instead); after it, the copy's SHA-256 is written
// beside it, so a restore can tell a backup that changed since it was made.

type Info = z.infer<typeof BackupInfo>;

const DAY_MS = 24 * 60 * 60 * 1000;

export function listBackups(control: StoreControl, verify = false): Info[] {
  return listBackupFiles(control.file).map((b) => describeBackup(b, { verify, nativeBinding: control.nativeBinding }));
}

/** Checks the database in full, writes a new backup with its checksum, then removes the oldest beyond the number kept. */
export function createBackup(control: StoreControl, now: Date, reason: BackupReason): Info {
  const folder = backupsFolder(control.file);
  fs.mkdirSync(folder, { recursive: true });
  clearAbandonedCopies(folder);
  const problems = sqliteCheckProblems(control.sqlite, 'integrity_check');
  if (problems) throw new DatabaseDamaged(control.file, `SQLite's integrity check found ${problems}; no backup was made, so the good ones are kept`);
  // Written under a name of this process's own and then linked to its backup name, so a crash
  // never leaves a half-written file that looks complete, and two processes never share one.
  const temporary = path.join(folder, temporaryCopyName());
  let name: string;
  try {
    control.sqlite.prepare('VACUUM INTO ?').run(temporary);
    const sha256 = sha256OfFile(temporary);
    name = claimBackupName(control.file, temporary, now, reason);
    writeChecksum(path.join(folder, name), sha256);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  // Rotation keeps the newest `keep` of each kind: the app's own (at start-up, after sign-off)
  // never push out one a person asked for or the safety copy taken before a restore. (keep 0
  // only turns the start-up backup off: it never removes the one just made.)
  if (control.keep > 0) rotate(control);
  return describeBackup(parseBackupName(folder, name)!, { nativeBinding: control.nativeBinding });
}

function rotate(control: StoreControl): void {
  const all = listBackupFiles(control.file);
  const automatic = (b: (typeof all)[number]) => b.reason === 'startup' || b.reason === 'sign-off';
  for (const old of [...all.filter(automatic).slice(control.keep), ...all.filter((b) => !automatic(b)).slice(control.keep)]) {
    fs.rmSync(old.file, { force: true });
    fs.rmSync(checksumFileOf(old.file), { force: true });
  }
}

/**
 * At start-up: a backup unless one was made in the last 24 hours, or the database holds no estate
 * yet (nothing to lose). Returns the new backup, or null.
 */
export function backupAtStartup(control: StoreControl, now: Date): Info | null {
  clearAbandonedCopies(backupsFolder(control.file));
  const boards = (control.sqlite.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n;
  if (boards === 0) return null;
  const latest = listBackupFiles(control.file)[0];
  if (latest && now.getTime() - Date.parse(latest.createdAt) < DAY_MS) return null;
  return createBackup(control, now, 'startup');
}

/** Runs a write, then backs up after it has committed (the sign-off calls this). */
export function backupAfter<T>(control: StoreControl, now: Date, reason: BackupReason, write: () => T): T {
  const result = write();
  try {
    createBackup(control, now, reason);
  } catch (error) {
    // The write itself is committed: a failed backup must not make it look as if it failed.
    if (error instanceof DatabaseDamaged) control.reportDamage(error);
    console.error(`The ${reason} backup could not be made; the change itself was saved.`, error);
  }
  return result;
}

function refuse(message: string): AppError {
  return new AppError('CONFLICT', message, [{ path: ['name'], message }]);
}

/**
 * A restore swaps the database file; anyone else with it open would go on writing into the old
 * one, and what they write would be lost. So it waits until they have closed it.
 */
function refuseWhileOpenElsewhere(control: StoreControl, what: string): void {
  const others = control.othersOpen();
  if (others.length === 0) return;
  throw refuse(
    `${what}: this database is also open in ${others.map(describeOpener).join(' and in ')}. ` +
      'Close it there first; restoring under it would lose whatever it saves afterwards.',
  );
}

/** Moves a damaged database (and its write-ahead log) aside, keeping it for the support desk. */
function setAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let target = `${file}.damaged-${stamp}`;
  for (let n = 2; fs.existsSync(target); n++) target = `${file}.damaged-${stamp}-${n}`;
  if (fs.existsSync(file)) fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(`${file}${suffix}`)) fs.renameSync(`${file}${suffix}`, `${target}${suffix}`);
  return target;
}

/**
 * Puts a backup in place of the database. A copy of it is checked first (empty, checksum,
 * integrity, a schema this version can read, brought up to this version, same tables as this
 * version makes, no broken references); then the current database is backed up (or, when it is
 * damaged, moved aside), the store closed, the file swapped, and the restored copy opened.
 */
export function restoreBackup(ctx: ServiceContext, control: StoreControl, name: string): z.infer<typeof BackupRestored> {
  const backup = listBackupFiles(control.file).find((b) => b.name === name);
  if (!backup) throw new AppError('NOT_FOUND', `There is no backup called ${name}: choose one from the list.`, [{ path: ['name'], message: 'No such backup' }]);
  refuseWhileOpenElsewhere(control, `The backup ${name} was not restored`);
  // Copied aside before anything else: the safety backup's rotation might remove the chosen one.
  const incoming = `${control.file}.restoring`;
  const removeIncoming = () => ['', '-wal', '-shm'].forEach((suffix) => fs.rmSync(`${incoming}${suffix}`, { force: true }));
  removeIncoming();
  fs.copyFileSync(backup.file, incoming);
  try {
    checkRestorable(backup, incoming, control);
  } catch (error) {
    removeIncoming();
    if (error instanceof AppError) throw refuse(`The backup ${name} was not restored. ${error.message}`);
    throw error;
  }
  const restored = { ...describeBackup(backup, { nativeBinding: control.nativeBinding }), verified: true };
  const damaged = control.damage !== null;
  let safetyCopy: Info | null = null;
  let movedAside: string | null = null;
  try {
    if (damaged) movedAside = setAside(control.file, ctx.now());
    else safetyCopy = createBackup(control, ctx.now(), 'before-restore');
  } catch (error) {
    removeIncoming();
    throw error;
  }
  const swapIn = (source: string, move: boolean) => () => {
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${control.file}${suffix}`, { force: true });
    if (move) fs.renameSync(source, control.file);
    else fs.copyFileSync(source, control.file);
  };
  try {
    control.reopen(swapIn(incoming, true));
  } catch (error) {
    // The restored copy would not open: put the database back as it was, then say so.
    if (safetyCopy) control.reopen(swapIn(path.join(backupsFolder(control.file), safetyCopy.name), false));
    else if (movedAside) fs.renameSync(movedAside, control.file);
    throw refuse(`The backup ${name} could not be opened after restoring, so the database was put back as it was (${error instanceof Error ? error.message : String(error)}).`);
  }
  writeTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx, 'update', 'database', name, safetyCopy ? { safetyCopy: safetyCopy.name } : { setAside: movedAside }, { restoredFrom: name, contents: restored.contents }),
  );
  return { restored, safetyCopy, setAside: movedAside };
}

/** Recovery mode, when no backup is good: the damaged database is moved aside and an empty one started. */
export function startEmpty(ctx: ServiceContext, control: StoreControl): { setAside: string } {
  if (!control.damage) throw new AppError('CONFLICT', 'The database is not damaged: there is nothing to set aside. Restore a backup from the Backups page instead.');
  refuseWhileOpenElsewhere(control, 'A new database was not started');
  const problem = control.damage.problem;
  let movedAside = '';
  control.reopen(() => {
    movedAside = setAside(control.file, ctx.now());
  });
  writeTransaction(ctx.db, (tx) => recordAudit(tx, ctx, 'update', 'database', path.basename(control.file), { damaged: problem }, { startedEmpty: true, setAside: movedAside }));
  return { setAside: movedAside };
}
