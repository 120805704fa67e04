import { forwardRef } from 'react';
import { ErrorMessage } from './ErrorMessage';

/** A labelled file chooser for one or more JSON files, with a hint and the error next to it. */
export const FilesField = forwardRef<HTMLInputElement, { id: string; label: string; hint: string; error: string | null; onChange: () => void }>(function FilesField({ id, label, hint, error, onChange }, ref) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        {hint}
      </div>
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <input
        ref={ref}
        className={`nhsuk-file-upload${error ? ' nhsuk-file-upload--error' : ''}`}
        id={id}
        type="file"
        multiple
        accept=".json,application/json"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={onChange}
      />
    </div>
  );
});
