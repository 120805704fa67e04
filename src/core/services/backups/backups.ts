import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { BackupInfo, BackupRestored } from '../../../shared/contract/backups';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import type { StoreControl } from './control';
import { backupsFolder, listBackupFiles, nextBackupName, parseBackupName, type BackupReason } from './files';
import { describeBackup } from './inspect';

// Rotating copies of the database. A copy is made with SQLite's VACUUM INTO: one statement that
// writes a consistent, compact snapshot of the open database (committed data only, WAL included)
// while this process keeps its handle. It is synchronous like the rest of the store, so a backup
// can be taken between two operations (at start-up, on request, after a sign-off commits) without
// the async step-wise online-backup API, which restarts when the source changes mid-copy. It
// cannot run inside a transaction: callers take it after their transaction commits.

type Info = z.infer<typeof BackupInfo>;

const DAY_MS = 24 * 60 * 60 * 1000;

export function listBackups(control: StoreControl): Info[] {
  return listBackupFiles(control.file).map((b) => describeBackup(b, { nativeBinding: control.nativeBinding }));
}

/** Writes a new backup, then removes the oldest beyond the number kept. */
export function createBackup(control: StoreControl, now: Date, reason: BackupReason): Info {
  const folder = backupsFolder(control.file);
  fs.mkdirSync(folder, { recursive: true });
  const name = nextBackupName(control.file, now, reason);
  const target = path.join(folder, name);
  // Written under a temporary name and renamed, so a crash never leaves a half-written backup
  // that looks complete.
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  control.sqlite.prepare('VACUUM INTO ?').run(partial);
  fs.renameSync(partial, target);
  // Rotation keeps the newest `keep` of each kind: the app's own (at start-up, after sign-off)
  // never push out one a person asked for or the safety copy taken before a restore.
  const all = listBackupFiles(control.file);
  const automatic = (b: (typeof all)[number]) => b.reason === 'startup' || b.reason === 'sign-off';
  for (const old of [...all.filter(automatic).slice(control.keep), ...all.filter((b) => !automatic(b)).slice(control.keep)]) {
    fs.rmSync(old.file, { force: true });
  }
  return describeBackup(parseBackupName(folder, name)!, { nativeBinding: control.nativeBinding });
}

/**
 * At start-up: a backup unless one was made in the last 24 hours, or the database holds no estate
 * yet (nothing to lose). Returns the new backup, or null.
 */
export function backupAtStartup(control: StoreControl, now: Date): Info | null {
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
    console.error(`The ${reason} backup could not be made; the change itself was saved.`, error);
  }
  return result;
}

function refuse(message: string): AppError {
  return new AppError('CONFLICT', message, [{ path: ['name'], message }]);
}

/**
 * Puts a backup in place of the database: checks it (integrity, and a schema this version can
 * read), copies the current database aside first, then closes the store, swaps the file, clears
 * the old write-ahead log and opens (and migrates) the restored copy.
 */
const DOOR_NAMES: Record<string, string> = { ipc: 'the desktop app', http: 'the app in a browser (npm run web)', cli: 'the command line' };

/**
 * A restore swaps the database file; anyone else with it open would go on writing into the old
 * one, and what they write would be lost. So it waits until they have closed it.
 */
function refuseWhileOpenElsewhere(control: StoreControl, name: string): void {
  const others = control.othersOpen();
  if (others.length === 0) return;
  const described = others.map((o) => `${DOOR_NAMES[o.door] ?? o.door} (opened ${o.openedAt.slice(0, 16).replace('T', ' ')} UTC, process ${o.pid})`);
  throw refuse(
    `The backup ${name} was not restored: this database is also open in ${described.join(' and in ')}. ` +
      'Close it there first; restoring under it would lose whatever it saves afterwards.',
  );
}

export function restoreBackup(ctx: ServiceContext, control: StoreControl, name: string): z.infer<typeof BackupRestored> {
  const backup = listBackupFiles(control.file).find((b) => b.name === name);
  if (!backup) throw new AppError('NOT_FOUND', `There is no backup called ${name}: choose one from the list.`, [{ path: ['name'], message: 'No such backup' }]);
  refuseWhileOpenElsewhere(control, name);
  const checked = describeBackup(backup, { checkIntegrity: true, nativeBinding: control.nativeBinding });
  if (!checked.contents) throw refuse(`The backup ${name} was not restored. ${checked.problem ?? ''}`.trim());
  if (checked.contents.schemaVersion > control.knownMigrations) {
    throw refuse(`The backup ${name} was made by a newer version of the app (${checked.contents.schemaVersion} schema changes; this version knows ${control.knownMigrations}). Install the newer version to restore it.`);
  }
  // Copied aside before the safety backup, whose rotation might otherwise remove the chosen one.
  const incoming = `${control.file}.restoring`;
  fs.copyFileSync(backup.file, incoming);
  let safetyCopy: Info;
  try {
    safetyCopy = createBackup(control, ctx.now(), 'before-restore');
  } catch (error) {
    fs.rmSync(incoming, { force: true });
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
    control.reopen(swapIn(path.join(backupsFolder(control.file), safetyCopy.name), false));
    throw refuse(`The backup ${name} could not be opened after restoring, so the database was put back as it was (${error instanceof Error ? error.message : String(error)}).`);
  }
  ctx.db.transaction((tx) => recordAudit(tx, ctx, 'update', 'database', name, { safetyCopy: safetyCopy.name }, { restoredFrom: name, contents: checked.contents }));
  return { restored: checked, safetyCopy };
}
