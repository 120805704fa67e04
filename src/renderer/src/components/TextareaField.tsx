import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './class-names';
import { FieldGroup } from './FieldGroup';

export interface TextareaFieldProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

export function TextareaField({ id, label, hint, error, className, rows = 3, ...textarea }: TextareaFieldProps) {
  return (
    <FieldGroup
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => (
        <textarea rows={rows} {...textarea} id={id} className={classNames('nhsuk-textarea', error && 'nhsuk-textarea--error', className)} {...aria} aria-invalid={error ? true : undefined} />
      )}
    />
  );
}
