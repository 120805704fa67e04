import type { ErrorCode, FieldError } from '../shared/result';

/** An expected failure a user can act on. The router turns it into a structured error. */
export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function notFound(what: string, id: string): AppError {
  return new AppError('NOT_FOUND', `No ${what} with id ${id}: it may have been removed.`);
}

/** A clash on one field, shown next to that field. */
export function conflictOn(field: string, message: string): AppError {
  return new AppError('CONFLICT', message, [{ path: [field], message }]);
}

/**
 * The database file cannot be used: empty, overwritten, or failing SQLite's checks. The core then
 * runs in recovery mode, where only the backups (list, restore) and starting afresh work.
 */
export class DatabaseDamaged extends AppError {
  constructor(
    readonly file: string,
    /** What is wrong with it, in words. */
    readonly problem: string,
  ) {
    super('DATABASE_DAMAGED', `The database ${file} is damaged and cannot be opened: ${problem}. Nothing can be read or saved until a backup is restored (the app offers its backups on the recovery page; on the command line, "backups" lists them and "restore NAME" puts one back).`);
    this.name = 'DatabaseDamaged';
  }
}
