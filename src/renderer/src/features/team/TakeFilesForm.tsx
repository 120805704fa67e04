import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useAnnounce } from '../../app/status';
import { FileResultsTable } from '../../components/FileResultsTable';
import { FileField } from '../../components/FileField';
import { useFilesOneByOne } from '../../components/use-files-one-by-one';
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
  const { input, error, clearError, progress, results, run } = useFilesOneByOne<TakenFile>(['file-results', 'hand-outs', into ?? 'any']);

  async function take() {
    const done = await run({
      noneChosen: 'Choose one or more hand-out files (.json)',
      progress: (file, index, total) => `Checking and taking ${file.name} (${index + 1} of ${total})…`,
      handle: (file) => takeHandoutFile(file, into),
    });
    if (!done) return;
    const refused = done.filter((r) => r.outcome === 'refused').length;
    announce(`${done.length - refused} of ${done.length} file${done.length === 1 ? '' : 's'} taken, ${refused} refused`);
    // A file taken can change the register and any assessment it carries: every screen reads again.
    if (refused < done.length) await client.invalidateQueries();
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
        <FileField ref={input} id={inputId} label={label} hint={hint} error={error} multiple accept=".json,application/json" onChange={clearError} />
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
