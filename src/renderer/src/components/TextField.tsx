import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames, describedBy } from './class-names';
import { ErrorMessage } from './ErrorMessage';

type Width = 2 | 3 | 4 | 5 | 10 | 20 | 30;

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'width'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Fixed width in characters, for short answers such as a bed count or a code. */
  width?: Width;
  /** More ids that describe the box (e.g. a line under it that changes as the user types). */
  describedBy?: string;
  /** Shown under the box, inside its group. */
  children?: ReactNode;
}

export function TextField({ id, label, hint, error, width, className, describedBy: more, children, ...input }: TextFieldProps) {
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
      <input
        type="text"
        {...input}
        id={id}
        className={classNames('nhsuk-input', width && `nhsuk-input--width-${width}`, error && 'nhsuk-input--error', className)}
        aria-describedby={describedBy(hintId, errorId, more)}
        aria-invalid={error ? true : undefined}
      />
      {children}
    </div>
  );
}
