import type Database from 'better-sqlite3';
import type { PresenceNote } from '../../db/presence';

/**
 * What the backup service needs from the running core: the open database (which changes when a
 * backup is restored), its file, and a way to close it, swap the file and open it again.
 */
export interface StoreControl {
  readonly file: string;
  readonly sqlite: Database.Database;
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
  /** Closes the store, runs `swap` (which may replace the file), then opens and migrates it again. */
  reopen(swap: () => void): void;
}

export const DEFAULT_BACKUPS_KEPT = 10;
