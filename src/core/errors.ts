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
