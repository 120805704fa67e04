import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './class-names';
import { FieldGroup } from './FieldGroup';

export interface FileFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null | undefined;
}

/** A labelled file chooser with its hint and error, as the NHS.UK file upload pattern lays it out. */
export function FileField({ id, label, hint, error, className, ...input }: FileFieldProps) {
  return (
    <FieldGroup
      id={id}
      label={label}
      labelClassName="nhsuk-label--s"
      hint={hint}
      error={error}
      control={(aria) => <input {...input} id={id} type="file" className={classNames('nhsuk-file-upload', error && 'nhsuk-file-upload--error', className)} {...aria} />}
    />
  );
}
