import type { ApiErrorBody, ErrorCode, FieldError } from '../../../shared/result';

/** Codes the UI adds for failures that never reached a service. */
export type ClientErrorCode = 'UNREACHABLE' | 'BAD_RESPONSE';

/** A refused or failed operation, with what the door said so the UI can show it at the right field. */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: FieldError[];

  constructor(body: { code: ErrorCode | ClientErrorCode; message: string; fields?: FieldError[] }) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = body.fields ?? [];
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body);
  }
}

/** A message a person can act on, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Try again, and if it keeps happening, restart the app.';
}
