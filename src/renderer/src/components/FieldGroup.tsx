import type { ReactNode } from 'react';
import { classNames, describedBy } from './class-names';
import { ErrorMessage } from './ErrorMessage';

export interface FieldGroupProps {
  id: string;
  label: string;
  /** e.g. 'nhsuk-label--s' for a smaller, bolder label. */
  labelClassName?: string;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** More ids that describe the control (e.g. a line under it that changes as the user types). */
  describedBy?: string | undefined;
  /** The control itself, given the ids that describe it; then anything shown under it. */
  control: (aria: { 'aria-describedby': string | undefined }) => ReactNode;
  children?: ReactNode;
}

/**
 * One labelled form control as the NHS.UK frontend lays it out: the group (red when in error), the
 * label, the hint, the error message, then the control, described by the hint and the error.
 */
export function FieldGroup({ id, label, labelClassName, hint, error, describedBy: more, control, children }: FieldGroupProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={classNames('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <label className={classNames('nhsuk-label', labelClassName)} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {control({ 'aria-describedby': describedBy(hintId, errorId, more) })}
      {children}
    </div>
  );
}
