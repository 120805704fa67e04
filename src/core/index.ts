import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createHandlers } from './api';
import type { ServiceContext } from './context';
import { openStore, type OpenedStore } from './db/open';
import { createRouter, type Dispatch } from './router';
import { APP_NAME } from './paths';
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
}

export interface Core {
  dispatch: Dispatch;
  store: OpenedStore;
  close(): void;
}

/** Opens the store (migrating it) and returns the contract's dispatcher over it. */
export function createCore(options: CoreOptions): Core {
  const store = openStore({
    file: options.databaseFile,
    migrationsFolder: options.migrationsFolder,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const ctx: ServiceContext = {
    db: store.db,
    actor: options.actor ?? `${currentUser()} via ${options.door}`,
    now: options.now ?? (() => new Date()),
    newId: randomUUID,
  };
  try {
    installBundledTemplates(ctx, path.join(options.resourcesDir, 'checklists'));
  } catch (error) {
    store.close();
    throw error;
  }
  const handlers = createHandlers({
    name: APP_NAME,
    version: options.appVersion,
    door: options.door,
    databaseFile: store.file,
    schemaVersion: store.schemaVersion,
  }, { resourcesDir: options.resourcesDir });
  return { dispatch: createRouter(ctx, handlers, options.log), store, close: store.close };
}

function currentUser(): string {
  try {
    return os.userInfo().username || 'unknown user';
  } catch {
    // No passwd entry (some containers): still record that someone wrote.
    return 'unknown user';
  }
}
