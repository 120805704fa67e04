import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './class-names';
import { FieldGroup } from './FieldGroup';

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
  return (
    <FieldGroup
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => (
        <select {...select} id={id} className={classNames('nhsuk-select', error && 'nhsuk-select--error', className)} {...aria} aria-invalid={error ? true : undefined}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
