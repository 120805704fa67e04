import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core';
import type { Dispatch } from '../core/router';
import { backupsFolder, listBackupFiles } from '../core/services/backups/files';
import { fail } from '../shared/result';
import type { RecentDatabases, StartupDatabase } from './recent-databases';
import { lastUsedMissingPrompt, newDatabaseRefusal, openFailedPrompt, switchFailedNotice, type Notice, type Prompt, type StartAction } from './start-failure';

// Which database the desktop app has open, and changing it: at start (with a way out when it
// cannot be opened) and from the File menu. The Electron parts (message boxes, file pickers, the
// window) come in as `DesktopUi`, so all of this runs in tests with fakes and real SQLite files.

export interface DesktopUi {
  /** Shows a message with buttons and answers the chosen button's action. */
  ask<A extends string>(prompt: Prompt<A>): Promise<A>;
  tell(notice: Notice): Promise<void>;
  /** An existing database file the person picked, or null if they cancelled. */
  pickExisting(): Promise<string | null>;
  /** Where the person wants a new database, or null if they cancelled. */
  pickNew(): Promise<string | null>;
  showFolder(folder: string): Promise<void>;
  showFile(file: string): void;
  /** Another database is now open: reload the page and the File menu. */
  changed(): void;
}

export interface DatabaseSession {
  /** The contract's dispatcher over whichever database is open. */
  dispatch: Dispatch;
  /** Opens the start-up database, asking for another if it fails; false when the person quits. */
  start(choice: StartupDatabase): Promise<boolean>;
  newDatabase(): Promise<void>;
  openDatabase(): Promise<void>;
  openRecent(file: string): Promise<void>;
  showDatabaseFolder(): void;
  showBackupsFolder(): Promise<void>;
  close(): void;
}

export function createDatabaseSession(deps: { openCore: (file: string) => Core; ui: DesktopUi; recent: RecentDatabases; standardFile: string }): DatabaseSession {
  const { ui, recent, standardFile } = deps;
  let current: Core | null = null;

  /**
   * Opens a database. A damaged one opens in recovery mode (the page explains and offers its
   * backups) only where it has backups to offer; otherwise it cannot be opened, and the person is
   * asked what to do instead.
   */
  function open(file: string): Core {
    const core = deps.openCore(file);
    if (core.recovery && listBackupFiles(core.file).length === 0) {
      core.close();
      throw core.recovery;
    }
    return core;
  }

  function adopt(core: Core): void {
    const previous = current;
    current = core;
    recent.remember(core.file);
    previous?.close();
  }

  /** A new database goes only where no file is yet: the app never writes one over a file. */
  async function pickNewFile(): Promise<string | null> {
    const file = await ui.pickNew();
    if (file && fs.existsSync(file)) {
      await ui.tell(newDatabaseRefusal(file));
      return null;
    }
    return file;
  }

  /** Opens `file` instead of the current database; on failure the current one stays open. */
  async function switchTo(file: string): Promise<void> {
    if (current && path.resolve(file) === current.file) return;
    let core: Core;
    try {
      core = open(file);
    } catch (error) {
      await ui.tell(switchFailedNotice(file, error, current?.file ?? standardFile));
      return;
    }
    adopt(core);
    ui.changed();
  }

  async function switchToExisting(file: string | null): Promise<void> {
    if (!file) return;
    if (!fs.existsSync(file)) {
      await ui.tell(switchFailedNotice(file, new Error('The file cannot be found: it may have been moved, renamed or deleted, or be on a drive that is not connected.'), current?.file ?? standardFile));
      return;
    }
    await switchTo(file);
  }

  return {
    dispatch: (operation, input) => (current ? current.dispatch(operation, input) : fail('INTERNAL', 'No database is open yet.')),

    async start(choice) {
      let next: string | null = 'file' in choice ? choice.file : null;
      let failed: string = 'file' in choice ? choice.file : choice.missing;
      let prompt: Prompt<StartAction> = lastUsedMissingPrompt(failed, standardFile);
      for (;;) {
        if (next) {
          try {
            adopt(open(next));
            return true;
          } catch (error) {
            failed = next;
            prompt = openFailedPrompt(next, error, { standardFile, backupsExist: fs.existsSync(backupsFolder(next)) });
          }
        }
        const action = await ui.ask(prompt);
        next = null;
        if (action === 'quit') return false;
        if (action === 'open-other') next = await ui.pickExisting();
        else if (action === 'new-database') next = await pickNewFile();
        else if (action === 'use-standard') next = standardFile;
        else if (action === 'show-backups') await ui.showFolder(backupsFolder(failed));
      }
    },

    async newDatabase() {
      const file = await pickNewFile();
      if (file) await switchTo(file);
    },
    async openDatabase() {
      await switchToExisting(await ui.pickExisting());
    },
    async openRecent(file) {
      await switchToExisting(file);
    },
    showDatabaseFolder() {
      if (current) ui.showFile(current.file);
    },
    async showBackupsFolder() {
      if (!current) return;
      const folder = backupsFolder(current.file);
      if (fs.existsSync(folder)) return ui.showFolder(folder);
      await ui.tell({
        kind: 'info',
        title: 'No backups yet',
        message: 'This database has no backups yet.',
        detail: `They will be kept in ${folder}: one at start-up once the estate has data, one at each sign-off, and any you make on the Backups screen.`,
      });
    },
    close() {
      current?.close();
      current = null;
    },
  };
}
