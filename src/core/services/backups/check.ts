import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openStore } from '../../db/open';
import { expectedSchema, schemaDifferences, schemaOf } from '../../db/schema-check';
import { AppError } from '../../errors';
import type { StoreControl } from './control';
import type { BackupFile } from './files';
import { backupFileProblem, readContents } from './inspect';

/**
 * Checks a copy of a backup (`incoming`) before it replaces the database, and brings it up to
 * this version's schema. Throws an AppError saying what is wrong: empty, changed since it was
 * made (checksum), damaged (integrity check), made by a newer version, tables that are not this
 * app's (one dropped, a trigger missing), or records pointing at records that are not there.
 */
export function checkRestorable(backup: BackupFile, incoming: string, control: StoreControl): void {
  try {
    checkCopy(backup, incoming, control);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Whatever SQLite says about the copy is about the backup, never the open database.
    throw new AppError('CONFLICT', `It cannot be read as a database of this app (${error instanceof Error ? error.message : String(error)}).`);
  }
}

function checkCopy(backup: BackupFile, incoming: string, control: StoreControl): void {
  const binding = control.nativeBinding ? { nativeBinding: control.nativeBinding } : {};
  let sqlite: Database.Database | undefined;
  try {
    const problem = backupFileProblem(backup, incoming, () => (sqlite ??= new Database(incoming, { fileMustExist: true, ...binding })));
    if (problem) throw new AppError('CONFLICT', problem);
    const { schemaVersion } = readContents(sqlite!);
    if (schemaVersion > control.knownMigrations) {
      throw new AppError(
        'CONFLICT',
        `It was made by a newer version of the app (${schemaVersion} schema changes; this version knows ${control.knownMigrations}). Install the newer version to restore it.`,
      );
    }
  } finally {
    sqlite?.close();
  }
  // Brought up to this version (it is a copy: no copy of it is kept first), then compared.
  let opened: ReturnType<typeof openStore>;
  try {
    opened = openStore({ file: incoming, migrationsFolder: control.migrationsFolder, copyBeforeMigrating: false, ...binding });
  } catch (error) {
    throw new AppError('CONFLICT', `It cannot be brought up to this version of the app (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    const differences = schemaDifferences(schemaOf(opened.sqlite), expectedSchema(control.migrationsFolder, control.nativeBinding));
    if (differences.length > 0) throw new AppError('CONFLICT', `Its tables are not the ones this app keeps: ${differences.join('; ')}.`);
    const broken = opened.sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    if (broken.length > 0) {
      const first = broken[0]!;
      throw new AppError(
        'CONFLICT',
        `${broken.length} record${broken.length === 1 ? ' points' : 's point'} at records that are not there (first: row ${first.rowid} of ${first.table}, which names a missing row of ${first.parent}).`,
      );
    }
  } finally {
    opened.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${incoming}${suffix}`, { force: true });
}
