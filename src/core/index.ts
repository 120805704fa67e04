import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHandlers } from './api';
import type { ServiceContext } from './context';
import { openStore, type OpenedStore } from './db/open';
import { announcePresence } from './db/presence';
import { createRouter, type Dispatch } from './router';
import { APP_NAME } from './paths';
import { backupAtStartup } from './services/backups/backups';
import { DEFAULT_BACKUPS_KEPT, type StoreControl } from './services/backups/control';
import { installBundledTemplates } from './services/templates';

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
}

export interface Core {
  dispatch: Dispatch;
  /** The open store. It is replaced when a backup is restored, so read it each time. */
  readonly store: OpenedStore;
  close(): void;
}

/** Opens the store (migrating it) and returns the contract's dispatcher over it. */
export function createCore(options: CoreOptions): Core {
  const open = () => {
    const opened = openStore({
      file: options.databaseFile,
      migrationsFolder: options.migrationsFolder,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      installBundledTemplates({ db: opened.db, actor: ctx.actor, now: ctx.now, newId: ctx.newId }, path.join(options.resourcesDir, 'checklists'));
    } catch (error) {
      opened.close();
      throw error;
    }
    return opened;
  };
  const now = options.now ?? (() => new Date());
  const ctx: ServiceContext = {
    // A getter, because restoring a backup swaps the store under the running app.
    get db() {
      return store.db;
    },
    actor: options.actor ?? `${currentUser()} via ${options.door}`,
    now,
    newId: randomUUID,
  };
  let store: OpenedStore = open();
  let presence: ReturnType<typeof announcePresence>;
  try {
    presence = announcePresence(store.file, options.door, now());
  } catch (error) {
    store.close();
    throw error;
  }
  const control: StoreControl = {
    file: store.file,
    get sqlite() {
      return store.sqlite;
    },
    knownMigrations: countMigrations(options.migrationsFolder),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    keep: options.backupsKept ?? DEFAULT_BACKUPS_KEPT,
    othersOpen: () => presence.others(),
    reopen(swap) {
      store.close();
      swap();
      store = open();
    },
  };
  if (control.keep > 0) {
    try {
      backupAtStartup(control, now());
    } catch (error) {
      // A failed backup must not stop the app opening; it is logged for the support desk.
      (options.log ?? ((m, e) => console.error(m, e)))('The start-up backup failed', error);
    }
  }
  const handlers = createHandlers(
    {
      name: APP_NAME,
      version: options.appVersion,
      door: options.door,
      databaseFile: store.file,
      get schemaVersion() {
        return store.schemaVersion;
      },
    },
    { resourcesDir: options.resourcesDir },
    control,
  );
  return {
    dispatch: createRouter(ctx, handlers, options.log),
    get store() {
      return store;
    },
    close: () => {
      presence.leave();
      store.close();
    },
  };
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
