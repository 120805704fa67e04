import { useId, useRef, useState } from 'react';
import { useAnnounce } from '../../app/status';
import { ErrorMessage } from '../../components/ErrorMessage';
import { takeHandoutFile, type TakenFile } from './take-file';

const OUTCOME: Record<TakenFile['outcome'], { label: string; tag: string }> = {
  taken: { label: 'Taken', tag: 'nhsuk-tag--green' },
  unchanged: { label: 'Nothing new', tag: 'nhsuk-tag--grey' },
  refused: { label: 'Refused', tag: 'nhsuk-tag--red' },
};

/**
 * Choose hand-out files and take them on this device, one after another, each checked in full
 * and refused whole if anything is wrong. With `into`, only files of that assessment are taken.
 */
export function TakeFilesForm({ label, hint, button, into, onTaken }: { label: string; hint: string; button: string; into?: string; onTaken?: () => void | Promise<void> }) {
  const announce = useAnnounce();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [results, setResults] = useState<TakenFile[]>([]);

  async function take() {
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) {
      setError('Choose one or more hand-out files (.json)');
      input.current?.focus();
      return;
    }
    setError(null);
    const done: TakenFile[] = [];
    for (const [index, file] of files.entries()) {
      setProgress(`Checking and taking ${file.name} (${index + 1} of ${files.length})…`);
      done.push(await takeHandoutFile(file, into));
      setResults([...done]);
    }
    setProgress(null);
    const refused = done.filter((r) => r.outcome === 'refused').length;
    announce(`${files.length - refused} of ${files.length} file${files.length === 1 ? '' : 's'} taken, ${refused} refused`);
    await onTaken?.();
  }

  return (
    <>
      <form
        noValidate
        aria-label={button}
        onSubmit={(event) => {
          event.preventDefault();
          void take();
        }}
      >
        <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label nhsuk-label--s" htmlFor={inputId}>
            {label}
          </label>
          <div className="nhsuk-hint" id={`${inputId}-hint`}>
            {hint}
          </div>
          {error && <ErrorMessage id={`${inputId}-error`}>{error}</ErrorMessage>}
          <input
            ref={input}
            className={`nhsuk-file-upload${error ? ' nhsuk-file-upload--error' : ''}`}
            id={inputId}
            type="file"
            multiple
            accept=".json,application/json"
            aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
            onChange={() => setError(null)}
          />
        </div>
        <button type="submit" className="nhsuk-button" disabled={progress !== null}>
          {button}
        </button>
      </form>
      {progress && (
        <p className="nhsuk-body" role="status">
          {progress}
        </p>
      )}
      {results.length > 0 && (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Files taken</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">
                File
              </th>
              <th className="nhsuk-table__header" scope="col">
                Result
              </th>
              <th className="nhsuk-table__header" scope="col">
                Details
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {results.map((row, index) => (
              <tr className="nhsuk-table__row" key={`${index}-${row.fileName}`}>
                <td className="nhsuk-table__cell app-break-anywhere">{row.fileName}</td>
                <td className="nhsuk-table__cell">
                  <strong className={`nhsuk-tag ${OUTCOME[row.outcome].tag}`}>{OUTCOME[row.outcome].label}</strong>
                </td>
                <td className="nhsuk-table__cell app-break-anywhere">
                  {row.detail}
                  {row.links.map((link) => (
                    <span key={link.href}>
                      {' '}
                      <a href={link.href}>{link.label}</a>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
