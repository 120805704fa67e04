import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { DatabaseDamaged } from '../errors';
import { storeProblemKind, unreadable } from '../store-errors';
import { sqliteCheckProblems } from './checks';
import * as schema from './schema';

/** The store: drizzle over one better-sqlite3 connection (`$client`). */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedStore {
  db: Db;
  sqlite: Database.Database;
  file: string;
  /** Migrations applied to this database after opening (all of them, counting earlier runs). */
  schemaVersion: number;
  close(): void;
}

export interface OpenOptions {
  file: string;
  migrationsFolder: string;
  /**
   * Path of a better-sqlite3 native binary built for another runtime (the Electron main process
   * loads an Electron-ABI build; Node uses the one in node_modules).
   */
  nativeBinding?: string;
  /** How long a write waits for another process's lock before giving up (ms). */
  busyTimeoutMs?: number;
  /** Copy the file aside before migrating it (default true; false for a file that is itself a copy). */
  copyBeforeMigrating?: boolean;
}

/**
 * Ten seconds: a save waits out another process's write (an import of a large return holds the
 * lock for a few seconds) rather than fail; past that, the person is told who holds it.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating if needed) the one SQLite file, checks an existing one is sound, sets the
 * pragmas we rely on and brings the schema up to date before anything else reads. A damaged file
 * (empty, overwritten, or failing SQLite's quick check) throws DatabaseDamaged, and the app opens
 * in recovery mode. If migrating fails the handle is closed and the error is thrown: the database
 * is left as it was (the migrator runs in one transaction) and a copy taken before migrating sits
 * beside it. If the migrations committed but left broken references, the file is put back from
 * that copy, so the next start does not carry on from a damaged upgrade.
 */
export function openStore(options: OpenOptions): OpenedStore {
  const file = path.resolve(options.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const existing = fs.statSync(file, { throwIfNoEntry: false });
  // SQLite would take an empty file for a new database; this one held an estate once.
  if (existing?.isFile() && existing.size === 0) {
    throw new DatabaseDamaged(file, 'the file is empty (0 bytes): its contents were lost, for example when a copy or the disk failed');
  }
  const sqlite = new Database(file, {
    // Set before the first statement, so even switching on WAL waits for another process's lock.
    timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    if (existing) checkSound(sqlite, file);
    refuseForeignDatabase(sqlite, file);
    sqlite.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a process crash; only an OS crash or
    // power loss can lose the last transactions, never corrupt the file.
    sqlite.pragma('synchronous = NORMAL');
    // A 64 MB page cache (SQLite's default is 2 MB), first sized for importing a board's return.
    // The import now holds it to 8 MB while it writes (bulkWriteTransaction): its rows go in
    // assessment by assessment, and 64/16/8/4 MB measured alike there, while the full cache only
    // kept every page it wrote. Other paths were not re-measured with a smaller cache.
    sqlite.pragma('cache_size = -65536');
    const db = drizzle(sqlite, { schema });
    migrateSafely(sqlite, db, file, options.migrationsFolder, options.copyBeforeMigrating ?? true);
    sqlite.pragma('foreign_keys = ON');
    const schemaVersion = countAppliedMigrations(sqlite);
    return {
      db,
      sqlite,
      file,
      schemaVersion,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    if (error instanceof BrokenMigration) putBack(file, error.copy);
    if (storeProblemKind(error) === 'DATABASE_DAMAGED') throw new DatabaseDamaged(file, unreadable(error));
    throw error;
  }
}

/**
 * SQLite's quick check reads every page and checks the structure of every table and index (not
 * that each index matches its table: the full integrity check before each backup does that). On
 * the national database (427 MB) it takes about 0.3 s; a board's database is a fraction of that.
 */
function checkSound(sqlite: Database.Database, file: string): void {
  const problems = sqliteCheckProblems(sqlite, 'quick_check');
  if (problems) throw new DatabaseDamaged(file, `SQLite's check of its pages found ${problems}`);
}

/** A migration committed but left rows pointing at nothing: the upgrade must be undone. */
class BrokenMigration extends Error {
  constructor(
    message: string,
    readonly copy: string | null,
  ) {
    super(message);
  }
}

function putBack(file: string, copy: string | null): void {
  if (!copy || !fs.existsSync(copy)) return;
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.copyFileSync(copy, file);
}

/**
 * A SQLite file with tables but no record of this app's migrations belongs to another program
 * (chosen by mistake in File → Open database…, or named with --db). Checked before anything is
 * written, so such a file is left exactly as it was.
 */
function refuseForeignDatabase(sqlite: Database.Database, file: string): void {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  if (tables.length > 0 && !tables.some((t) => t.name === '__drizzle_migrations')) {
    throw new Error(`${file} is a database of another program, not one of this app's: it was left unchanged. Choose the app's own database file (estates.sqlite, or the name it was given).`);
  }
}

function migrateSafely(sqlite: Database.Database, db: Db, file: string, migrationsFolder: string, copyFirst: boolean): void {
  const journal = readJournal(migrationsFolder);
  const applied = countAppliedMigrations(sqlite);
  if (applied > journal.length) {
    throw new Error(
      `This database (${file}) was written by a newer version of the app (${applied} schema changes, this version knows ${journal.length}). Install the newer version to open it.`,
    );
  }
  if (applied === journal.length) return;
  const copy = applied > 0 && copyFirst ? backupBeforeMigrating(sqlite, file, applied) : null;
  // drizzle's migrator wraps all pending migrations in one transaction, inside which
  // `PRAGMA foreign_keys` is a no-op; a table rebuild must not cascade-delete child rows,
  // so foreign keys go off outside the transaction and are checked afterwards.
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder });
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new BrokenMigration(
        `Upgrading ${file} left ${violations.length} broken reference${violations.length === 1 ? '' : 's'}; ` +
          (copy ? 'the database was put back as it was before the upgrade. ' : '') +
          'Please report this: the app cannot open it with this version.',
        copy,
      );
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

function backupBeforeMigrating(sqlite: Database.Database, file: string, applied: number): string {
  const copy = `${file}.before-migration-${applied}.bak`;
  if (!fs.existsSync(copy)) sqlite.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
  return copy;
}

function readJournal(migrationsFolder: string): unknown[] {
  const journalFile = path.join(migrationsFolder, 'meta', '_journal.json');
  if (!fs.existsSync(journalFile)) {
    throw new Error(`Database migrations not found at ${migrationsFolder}`);
  }
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  return journal.entries;
}

function countAppliedMigrations(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return 0;
  const row = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
  return row.n;
}
