// What every door answers: data, or an error the UI can show next to the right field.

export const ERROR_CODES = [
  'VALIDATION', // the input does not match the operation's schema
  'NOT_FOUND', // the record named does not exist (any more)
  'CONFLICT', // the request clashes with what is stored (duplicate name, has assessments…)
  'ALREADY_EXISTS', // a record with this id is already here (e.g. under another assessment or board)
  'UNKNOWN_OPERATION', // not an operation in the contract
  'FORBIDDEN', // the caller is not allowed to call (wrong window, wrong origin, no key)
  'DISK_FULL', // the disk holding the database is full: the change was not saved
  'READ_ONLY', // the database file or its folder cannot be written
  'PERMISSION_DENIED', // this user account may not read or write the database file or its folder
  'LOCKED', // another process held the database's write lock for longer than the app waits
  'DATABASE_DAMAGED', // the database file is damaged: the app offers its backups (recovery mode)
  'INTERNAL', // a bug: the message is safe to show, details are logged
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem with one input field; `path` is the field's path in the input, e.g. ["bedCount"]. */
export interface FieldError {
  path: (string | number)[];
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, fields?: FieldError[]): Result<never> {
  return { ok: false, error: fields && fields.length > 0 ? { code, message, fields } : { code, message } };
}
