import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './class-names';
import { FieldGroup } from './FieldGroup';

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

export function TextField({ id, label, hint, error, width, className, describedBy, children, ...input }: TextFieldProps) {
  return (
    <FieldGroup
      id={id}
      label={label}
      hint={hint}
      error={error}
      describedBy={describedBy}
      control={(aria) => (
        <input
          type="text"
          {...input}
          id={id}
          className={classNames('nhsuk-input', width && `nhsuk-input--width-${width}`, error && 'nhsuk-input--error', className)}
          {...aria}
          aria-invalid={error ? true : undefined}
        />
      )}
    >
      {children}
    </FieldGroup>
  );
}
