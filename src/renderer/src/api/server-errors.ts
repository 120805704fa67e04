import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, messageOf } from './api-error';

/** Where a form keeps an error that belongs to no single field (shown in its error summary). */
export const FORM_ERROR = 'root.server' as const;

/**
 * Shows a refused operation on the form: each field error the door named goes next to that field
 * (e.g. CONFLICT on "name"), and anything else goes to the form's error summary.
 */
export function showServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  formFields: readonly Path<T>[],
): void {
  const fieldErrors = error instanceof ApiError ? error.fields : [];
  let shown = 0;
  for (const field of fieldErrors) {
    const name = field.path.join('.');
    const match = formFields.find((f) => f === name);
    if (match) {
      setError(match, { type: 'server', message: field.message });
      shown += 1;
    }
  }
  if (shown === 0) setError(FORM_ERROR, { type: 'server', message: messageOf(error) });
}
