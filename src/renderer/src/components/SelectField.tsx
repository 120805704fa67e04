import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames, describedBy } from './class-names';
import { ErrorMessage } from './ErrorMessage';

export interface Choice {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'id'> {
  id: string;
  label: string;
  choices: readonly Choice[];
  /** Shown first with an empty value, so nothing is chosen by accident. */
  placeholder?: string;
  hint?: ReactNode;
  error?: string | undefined;
}

export function SelectField({ id, label, choices, placeholder, hint, error, className, ...select }: SelectFieldProps) {
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
      <select
        {...select}
        id={id}
        className={classNames('nhsuk-select', error && 'nhsuk-select--error', className)}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
