// What the desktop app says when it cannot open a database, and the ways out it offers. Plain
// data, so the wording and the choices are tested without Electron; database-session.ts shows
// them through Electron's message boxes.

export type StartAction = 'open-other' | 'new-database' | 'use-standard' | 'show-backups' | 'quit';

export interface Notice {
  kind: 'error' | 'warning' | 'info';
  title: string;
  message: string;
  detail: string;
}

export interface Prompt<A extends string> extends Notice {
  choices: { label: string; action: A }[];
}

/** A hint for the SQLite or file-system error codes a person can do something about. */
export function hintFor(error: unknown): string | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'SQLITE_NOTADB') return 'The file is not an estates database, or its first page is damaged.';
  if (code === 'DATABASE_DAMAGED') return 'The file is not an estates database, or it is damaged, and there is no backup beside it to restore.';
  if (code === 'SQLITE_CORRUPT') return 'The file is damaged. Its backups may still be good: look in the backups folder beside it.';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT') return 'The file or its folder cannot be reached: is the drive connected, and may you use that folder?';
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'You may not change this file or its folder. Ask your IT service desk for write access, or copy the file somewhere you can write.';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'Another program is holding the file. Close other copies of the app (or the browser version) and try again.';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'The disk is full. Free some space and try again.';
  return null;
}

function whatHappened(file: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const hint = hintFor(error);
  return [`Database: ${file}`, '', message, ...(hint ? ['', hint] : [])].join('\n');
}

const OPEN_OTHER = { label: 'Open another database…', action: 'open-other' } as const;
const QUIT = { label: 'Quit', action: 'quit' } as const;

function useStandard(standardFile: string) {
  return { label: `Use the standard database (${standardFile})`, action: 'use-standard' } as const;
}

/** The database chosen at start could not be opened. */
export function openFailedPrompt(file: string, error: unknown, options: { standardFile: string; backupsExist: boolean }): Prompt<StartAction> {
  return {
    kind: 'error',
    title: 'The database could not be opened',
    message: 'The app could not open its database.',
    detail: `${whatHappened(file, error)}\n\nNothing has been changed. Open another database, or quit and ask your IT service desk, quoting the text above.`,
    choices: [
      OPEN_OTHER,
      ...(options.backupsExist ? [{ label: 'Show the backups folder', action: 'show-backups' } as const] : []),
      ...(file !== options.standardFile ? [useStandard(options.standardFile)] : []),
      QUIT,
    ],
  };
}

/** The file used last is not there any more (a removed drive, a renamed or moved file). */
export function lastUsedMissingPrompt(file: string, standardFile: string): Prompt<StartAction> {
  return {
    kind: 'warning',
    title: 'The database used last cannot be found',
    message: 'The database you used last cannot be found.',
    detail: `${file}\n\nIt may be on a drive that is not connected, or it was moved or renamed. Connect the drive and choose Open another database…, or carry on with the standard database.`,
    choices: [OPEN_OTHER, useStandard(standardFile), { label: 'New database…', action: 'new-database' }, QUIT],
  };
}

/** The app itself is broken (e.g. its database engine is missing): only a reinstall helps. */
export function brokenInstallPrompt(error: unknown): Prompt<'quit'> {
  return {
    kind: 'error',
    title: 'The app cannot start',
    message: 'The app cannot start: part of it is missing or damaged.',
    detail: `${error instanceof Error ? error.message : String(error)}\n\nYour data has not been touched. Reinstall the app, or ask your IT service desk to.`,
    choices: [QUIT],
  };
}

/** A database chosen from the File menu could not be opened; the one in use stays open. */
export function switchFailedNotice(file: string, error: unknown, current: string): Notice {
  return {
    kind: 'error',
    title: 'The database could not be opened',
    message: 'That database could not be opened.',
    detail: `${whatHappened(file, error)}\n\nYou are still working in ${current}.`,
  };
}

/** File → New database… never replaces an existing file. */
export function newDatabaseRefusal(file: string): Notice {
  return {
    kind: 'warning',
    title: 'A file with that name already exists',
    message: 'A new database is never written over an existing file.',
    detail: `${file} already exists. Choose another name, or open it with File → Open database….`,
  };
}
