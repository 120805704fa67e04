import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHandlers } from './api';
import type { ServiceContext } from './context';
import { DEFAULT_BUSY_TIMEOUT_MS, openStore, type OpenedStore } from './db/open';
import { announcePresence, type Presence } from './db/presence';
import { AppError, DatabaseDamaged } from './errors';
import { createRouter, type Dispatch } from './router';
import { APP_NAME } from './paths';
import { backupAtStartup } from './services/backups/backups';
import { DEFAULT_BACKUPS_KEPT, type StoreControl } from './services/backups/control';
import { createKeyStore, keysFolderFor, type KeyProtection } from './services/signing/key-store';
import { installBundledTemplates } from './services/templates';
import { explainStoreError } from './store-errors';

export type { KeyProtection };

export interface CoreOptions {
  databaseFile: string;
  migrationsFolder: string;
  /** The app's resources folder (checklists/, docs/). */
  resourcesDir: string;
  door: 'ipc' | 'http' | 'cli';
  appVersion: string;
  nativeBinding?: string;
  /** Who is writing; defaults to the signed-in OS user and the door. */
  actor?: string;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
  /** Backups to keep beside the database (default 10); 0 turns off the start-up backup. */
  backupsKept?: number;
  /** How long a write waits for another process's lock before it is refused (default 10 s). */
  busyTimeoutMs?: number;
  /**
   * How boards' private signing keys are protected at rest: the desktop app passes the operating
   * system's key store (Electron safeStorage); by default, a file only this account can read.
   */
  keyProtection?: KeyProtection;
  /** The folder for boards' private signing keys (default: "keys" beside the database). */
  keysDir?: string;
}

export interface Core {
  dispatch: Dispatch;
  /**
   * The open store. It is replaced when a backup is restored, so read it each time. Throws
   * DatabaseDamaged while the core is in recovery mode.
   */
  readonly store: OpenedStore;
  /** The database file. */
  readonly file: string;
  /**
   * Set while the database cannot be used (recovery mode): only the backups (list, restore) and
   * starting afresh work, and every other operation answers DATABASE_DAMAGED with this problem.
   */
  readonly recovery: DatabaseDamaged | null;
  close(): void;
}

/**
 * Opens the store (checking and migrating it) and returns the contract's dispatcher over it.
 * A damaged database does not stop the app: the core opens in recovery mode (see `recovery`),
 * the UI shows the recovery page and the CLI's backups and restore still work. Anything else
 * that stops the database opening (permission, disk, a newer version) is thrown.
 */
export function createCore(options: CoreOptions): Core {
  const file = path.resolve(options.databaseFile);
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((m, e) => console.error(m, e));
  let store: OpenedStore | null = null;
  let damage: DatabaseDamaged | null = null;
  let presence: Presence | null = null;
  // What went wrong underneath an operation, in words; damage found while running (a page that
  // no longer reads, a failed integrity check before a backup) also puts the core into recovery
  // mode, so the next screen is the recovery page.
  const explain = (error: unknown, operation: string): AppError | null => {
    const explained = error instanceof AppError ? error : explainStoreError(error, operation, { file, busyTimeoutMs, othersOpen: () => presence?.others() ?? [] });
    if (explained instanceof DatabaseDamaged && store) enterRecovery(explained);
    return explained;
  };

  const ctx: ServiceContext = {
    // A getter, because restoring a backup swaps the store under the running app.
    get db() {
      return openedStore().db;
    },
    actor: options.actor ?? `${currentUser()} via ${options.door}`,
    now,
    newId: randomUUID,
  };
  function openedStore(): OpenedStore {
    if (!store) throw damage ?? new Error('The store is closed');
    return store;
  }
  function open(): OpenedStore {
    const opened = openStore({
      file,
      migrationsFolder: options.migrationsFolder,
      busyTimeoutMs,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      installBundledTemplates({ db: opened.db, actor: ctx.actor, now: ctx.now, newId: ctx.newId }, path.join(options.resourcesDir, 'checklists'));
    } catch (error) {
      opened.close();
      throw error;
    }
    return opened;
  }
  function enterRecovery(found: DatabaseDamaged): void {
    store?.close();
    store = null;
    damage = found;
    log('The database is damaged; the app is in recovery mode', found);
  }

  try {
    store = open();
  } catch (error) {
    if (!(error instanceof DatabaseDamaged)) throw explainOpenFailure(error, explain);
    damage = error;
  }
  try {
    presence = announcePresence(file, options.door, now());
  } catch (error) {
    store?.close();
    throw explainOpenFailure(error, explain);
  }
  const control: StoreControl = {
    file,
    get sqlite() {
      return openedStore().sqlite;
    },
    get damage() {
      return damage;
    },
    migrationsFolder: options.migrationsFolder,
    knownMigrations: countMigrations(options.migrationsFolder),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    keep: options.backupsKept ?? DEFAULT_BACKUPS_KEPT,
    othersOpen: () => presence?.others() ?? [],
    reopen(swap) {
      store?.close();
      store = null;
      swap();
      store = open();
      damage = null;
    },
    reportDamage: enterRecovery,
  };
  if (store && control.keep > 0) {
    try {
      backupAtStartup(control, now());
    } catch (error) {
      // A failed backup must not stop the app opening; it is logged for the support desk.
      if (error instanceof DatabaseDamaged) enterRecovery(error);
      else log('The start-up backup failed', error);
    }
  }
  const handlers = createHandlers(
    {
      name: APP_NAME,
      version: options.appVersion,
      door: options.door,
      databaseFile: file,
      get schemaVersion() {
        return store?.schemaVersion ?? 0;
      },
      get recovery() {
        return damage ? { file, problem: damage.problem } : null;
      },
    },
    { resourcesDir: options.resourcesDir, keys: createKeyStore(options.keysDir ?? keysFolderFor(file), options.keyProtection) },
    control,
  );
  return {
    dispatch: createRouter(ctx, handlers, log, explain),
    get store() {
      return openedStore();
    },
    file,
    get recovery() {
      return damage;
    },
    close: () => {
      presence?.leave();
      store?.close();
      store = null;
    },
  };
}

/** An error that stopped the database opening, as one a person can act on when we know it. */
function explainOpenFailure(error: unknown, explain: (error: unknown, operation: string) => AppError | null): unknown {
  return explain(error, 'open') ?? error;
}

function countMigrations(migrationsFolder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

function currentUser(): string {
  try {
    return os.userInfo().username || 'unknown user';
  } catch {
    // No passwd entry (some containers): still record that someone wrote.
    return 'unknown user';
  }
}
