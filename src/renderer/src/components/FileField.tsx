import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames, describedBy } from './class-names';
import { ErrorMessage } from './ErrorMessage';

export interface FileFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null | undefined;
}

/** A labelled file chooser with its hint and error, as the NHS.UK file upload pattern lays it out. */
export function FileField({ id, label, hint, error, className, ...input }: FileFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={classNames('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input
        {...input}
        id={id}
        type="file"
        className={classNames('nhsuk-file-upload', error && 'nhsuk-file-upload--error', className)}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}
