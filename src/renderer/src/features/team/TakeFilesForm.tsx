import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useAnnounce } from '../../app/status';
import { FileResultsTable } from '../../components/FileResultsTable';
import { FileField } from '../../components/FileField';
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
export function TakeFilesForm({ label, hint, button, into }: { label: string; hint: string; button: string; into?: string }) {
  const announce = useAnnounce();
  const client = useQueryClient();
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
    // A file taken can change the register and any assessment it carries: every screen reads again.
    if (refused < files.length) await client.invalidateQueries();
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
        <FileField ref={input} id={inputId} label={label} hint={hint} error={error} multiple accept=".json,application/json" onChange={() => setError(null)} />
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
        <FileResultsTable
          caption="Files taken"
          results={results.map((row) => ({
            fileName: row.fileName,
            ...OUTCOME[row.outcome],
            detail: (
              <>
                {row.detail}
                {row.links.map((link) => (
                  <span key={link.href}>
                    {' '}
                    <a href={link.href}>{link.label}</a>
                  </span>
                ))}
              </>
            ),
          }))}
        />
      )}
    </>
  );
}
