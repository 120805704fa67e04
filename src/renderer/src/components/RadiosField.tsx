import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames, describedBy } from './class-names';
import { ErrorMessage } from './ErrorMessage';
import type { Choice } from './SelectField';

export interface RadiosFieldProps {
  /** Each radio's id is `${idPrefix}-${value}`; the error summary links to the first. */
  idPrefix: string;
  legend: string;
  choices: readonly Choice[];
  /** Props for every radio: react-hook-form's register(), or name + onChange for a controlled group. */
  inputProps: Omit<ComponentPropsWithRef<'input'>, 'id' | 'type' | 'value'>;
  /** For a controlled group: the value that is checked. */
  checkedValue?: string;
  hint?: ReactNode;
  error?: string | undefined;
  inline?: boolean;
  /** The legend for screen readers only (the question is the heading above the group). */
  legendHidden?: boolean;
  /** More ids that describe the group (e.g. the line saying where its answer stands). */
  describedBy?: string;
  /** Drawn after a choice's label, e.g. the key that chooses it. */
  labelSuffix?: (choice: Choice) => ReactNode;
  className?: string;
  /** Shown under the group, e.g. a follow-up question that depends on the answer. */
  children?: ReactNode;
}

export function radioId(idPrefix: string, value: string): string {
  return `${idPrefix}-${value}`;
}

export function RadiosField(props: RadiosFieldProps) {
  const { idPrefix, legend, choices, inputProps, checkedValue, hint, error, inline, legendHidden, labelSuffix, className, children } = props;
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;
  return (
    <div className={classNames('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(hintId, errorId, props.describedBy)}>
        <legend className={legendHidden ? 'nhsuk-u-visually-hidden' : 'nhsuk-fieldset__legend nhsuk-fieldset__legend--s'}>{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={classNames('nhsuk-radios', inline && 'nhsuk-radios--inline', className)}>
          {choices.map((choice) => {
            const id = radioId(idPrefix, choice.value);
            return (
              <div className="nhsuk-radios__item" key={choice.value}>
                <input
                  {...inputProps}
                  className="nhsuk-radios__input"
                  id={id}
                  type="radio"
                  value={choice.value}
                  {...(checkedValue !== undefined ? { checked: checkedValue === choice.value } : {})}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                  {choice.label}
                  {labelSuffix?.(choice)}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {children}
    </div>
  );
}
