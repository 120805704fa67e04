import path from 'node:path';
import { AppError, DatabaseDamaged } from './errors';
import { describeOpener, type PresenceNote } from './db/presence';

// What went wrong underneath a service, told so a person can act on it: a full disk, a file that
// cannot be written, a folder this account may not use, a lock another process would not give
// up, an id that is already taken, a damaged file. SQLite's and Node's error codes are read here,
// in one place; anything else stays a bug (INTERNAL) and goes to the log.

export interface StoreErrorContext {
  /** The database file. */
  file: string;
  /** How long a write waits for another process's lock, in milliseconds. */
  busyTimeoutMs: number;
  /** Who else has the file open now (to name the process holding the lock). */
  othersOpen(): PresenceNote[];
}

/** What a failed operation did not save, in words; most operations change "this change". */
const UNSAVED: Partial<Record<string, string>> = {
  'answers.record': 'this answer was not saved',
  'photos.add': 'this photo was not saved',
  'exchange.import': 'nothing from this return was imported',
  'backups.create': 'no backup was made',
  'backups.restore': 'the backup was not restored',
  'templates.install': 'the checklist was not installed',
  'demo.seed': 'the demo estate was not added',
};

function unsaved(operation: string): string {
  if (operation === 'open') return 'the app cannot open it';
  return UNSAVED[operation] ?? 'this change was not saved';
}

/** Tables as a person would name their records. */
const RECORDS: Record<string, string> = {
  boards: 'board',
  sites: 'site',
  wards: 'ward',
  areas: 'area',
  assessments: 'assessment',
  assessors: 'assessor',
  answers: 'answer',
  ligature_points: 'ligature point',
  actions: 'action',
  rechecks: 're-check',
  photos: 'photo',
  templates: 'checklist version',
  trusted_keys: 'signing key',
};

function codeOf(error: unknown): string | null {
  if (error === null || typeof error !== 'object' || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The kind of problem an error code stands for, or null for one we did not foresee. */
export function storeProblemKind(error: unknown): 'DISK_FULL' | 'READ_ONLY' | 'PERMISSION_DENIED' | 'LOCKED' | 'ALREADY_EXISTS' | 'DATABASE_DAMAGED' | null {
  const code = codeOf(error);
  if (!code) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'DISK_FULL';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'READ_ONLY';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || code === 'EACCES' || code === 'EPERM') return 'PERMISSION_DENIED';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'LOCKED';
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return 'ALREADY_EXISTS';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'DATABASE_DAMAGED';
  return null;
}

/**
 * The error a person can act on for a failure underneath `operation`, or null when it is none of
 * the problems we know (then it is a bug, answered INTERNAL).
 */
export function explainStoreError(error: unknown, operation: string, context: StoreErrorContext): AppError | null {
  const kind = storeProblemKind(error);
  if (!kind) return null;
  const name = path.basename(context.file);
  const folder = path.dirname(context.file);
  const lost = unsaved(operation);
  switch (kind) {
    case 'DISK_FULL':
      return new AppError('DISK_FULL', `The disk holding ${name} is full: ${lost}. Free some space on that disk (the database is in ${folder}) and try again.`);
    case 'READ_ONLY':
      return new AppError(
        'READ_ONLY',
        `${name} cannot be written: the file, its folder or the disk it is on is read-only, so ${lost}. Make it writable (or copy the database to a folder you can write to and open it there), then try again. The database is ${context.file}.`,
      );
    case 'PERMISSION_DENIED':
      return new AppError(
        'PERMISSION_DENIED',
        `This user account is not allowed to use ${context.file} (or a file the app keeps beside it), so ${lost}. Ask your IT service desk to give your account read and write access to ${folder}, or open a database in a folder you own.`,
      );
    case 'LOCKED':
      return new AppError('LOCKED', lockedMessage(lost, context));
    case 'ALREADY_EXISTS':
      return new AppError('ALREADY_EXISTS', alreadyExistsMessage(error, lost));
    case 'DATABASE_DAMAGED':
      return new DatabaseDamaged(context.file, `${unreadable(error)}, so ${lost}`);
  }
}

/** What SQLite's refusal to read a database means, in words, with SQLite's own words after. */
export function unreadable(error: unknown): string {
  const said = error instanceof Error ? error.message : String(error);
  if (codeOf(error) === 'SQLITE_NOTADB') return `its first page, which says what the file is, is damaged or was overwritten (SQLite: ${said})`;
  return `some of its pages are damaged (SQLite: ${said})`;
}

function lockedMessage(lost: string, context: StoreErrorContext): string {
  const seconds = Math.round(context.busyTimeoutMs / 1000);
  const others = context.othersOpen();
  const who = others.length > 0 ? others.map(describeOpener).join(' or ') : 'another program';
  return `${capitalised(lost)}: ${who} kept the database busy for more than ${seconds} seconds. Wait for it to finish (importing a large return can take a minute), then try again.`;
}

function alreadyExistsMessage(error: unknown, lost: string): string {
  // SQLite says e.g. "UNIQUE constraint failed: ligature_points.id" (or names an index).
  const [, table, column] = /constraint failed: (\w+)\.(\w+)/.exec(error instanceof Error ? error.message : '') ?? [];
  const record = table ? (RECORDS[table] ?? table.replaceAll('_', ' ')) : 'record';
  if (column !== 'id') return `A ${record} like this one (the same name or key) is already here, so ${lost}.`;
  return `A ${record} with the same id is already here, so ${lost}. Ids never repeat between records: this one was copied or made up elsewhere.`;
}
