import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames, describedBy } from './class-names';
import { ErrorMessage } from './ErrorMessage';

export interface TextareaFieldProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

export function TextareaField({ id, label, hint, error, className, rows = 3, ...textarea }: TextareaFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={classNames('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <textarea
        rows={rows}
        {...textarea}
        id={id}
        className={classNames('nhsuk-textarea', error && 'nhsuk-textarea--error', className)}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
