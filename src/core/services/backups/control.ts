import type Database from 'better-sqlite3';
import type { PresenceNote } from '../../db/presence';
import type { DatabaseDamaged } from '../../errors';

/**
 * What the backup service needs from the running core: the open database (which changes when a
 * backup is restored), its file, and a way to close it, swap the file and open it again.
 */
export interface StoreControl {
  readonly file: string;
  /** The open database; throws DatabaseDamaged while the core is in recovery mode. */
  readonly sqlite: Database.Database;
  /** Why the database could not be used (recovery mode), or null while it is open. */
  readonly damage: DatabaseDamaged | null;
  /** The migrations this version of the app applies (to check a backup's schema against). */
  readonly migrationsFolder: string;
  /** How many migrations this version of the app knows. */
  readonly knownMigrations: number;
  /**
   * The better-sqlite3 native module the store was opened with (the Electron build inside the
   * desktop app), so backups are read with the same one; undefined means the default (Node) build.
   */
  readonly nativeBinding?: string;
  /** How many backups to keep (older ones are removed after each new one). */
  readonly keep: number;
  /** Other cores (processes, windows) that have the same file open now. */
  othersOpen(): PresenceNote[];
  /**
   * Closes the store (if open), runs `swap` (which may replace the file), then opens and migrates
   * it again; the core leaves recovery mode once it opens.
   */
  reopen(swap: () => void): void;
  /** The open database turned out damaged: the core closes it and goes into recovery mode. */
  reportDamage(damage: DatabaseDamaged): void;
}

export const DEFAULT_BACKUPS_KEPT = 10;
