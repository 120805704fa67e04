import { useId } from 'react';
import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { messageOf } from '../../api/api-error';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { useAnnounce } from '../../app/status';
import { FileField } from '../../components/FileField';
import { FileResultsTable } from '../../components/FileResultsTable';
import { useFilesOneByOne } from '../../components/use-files-one-by-one';
import { readTextFile } from '../../components/read-text-file';
import { href } from '../../routing/routes';
import type { Output } from '../../../../shared/contract';

interface FileOutcome {
  fileName: string;
  outcome: 'imported' | 'already_imported' | 'refused' | 'checked';
  detail: string;
  board: { id: string; name: string } | null;
}

const OUTCOME_LABEL: Record<FileOutcome['outcome'], string> = {
  imported: 'Imported',
  already_imported: 'Already imported',
  refused: 'Refused',
  checked: 'Checked, not imported',
};

/** What the last import or check found, kept for the session (see use-files-one-by-one.ts). */
const OUTCOMES_KEY = ['file-results', 'returns'];

/** The national collator's door: boards' returns, checked in full and imported one file at a time. */
export function ImportReturnsPage() {
  const announce = useAnnounce();
  const inputId = useId();
  const files = useFilesOneByOne<FileOutcome>(OUTCOMES_KEY);
  const { input, error, progress } = files;
  const outcomes = files.results;

  async function run(mode: 'import' | 'verify') {
    const results = await files.run({
      noneChosen: 'Choose one or more return files (.json)',
      progress: (file, index, total) => `${mode === 'import' ? 'Importing' : 'Checking'} ${file.name} (${index + 1} of ${total})…`,
      handle: (file) => handle(mode, file),
    });
    if (!results) return;
    const refused = results.filter((r) => r.outcome === 'refused').length;
    announce(`${results.length - refused} of ${results.length} file${results.length === 1 ? '' : 's'} ${mode === 'import' ? 'accepted' : 'passed every check'}, ${refused} refused`);
  }

  return (
    <PageLayout>
      <PageHeading caption="National collation">Import returns</PageHeading>
      <p className="nhsuk-body">
        Each file is checked in full before anything is written: its format and version, its digest (so a file changed after
        export is refused), its checklist versions, and every score, which is worked out again from the answers. A file that
        fails any check is refused whole. Importing the same file twice changes nothing.
      </p>
      <p className="nhsuk-body">
        Files from another device of your team (a register or an assessment handed out) are taken on the{' '}
        <a href={href.handouts()}>Hand-outs</a> page.
      </p>
      <UnsignedReturnsLine />
      <form
        noValidate
        aria-label="Import returns"
        onSubmit={(event) => {
          event.preventDefault();
          void run('import');
        }}
      >
        <FileField
          ref={input}
          id={inputId}
          label="Return files"
          hint="Exchange files (.json) exported by boards. You can choose several at once."
          error={error}
          name="returns"
          multiple
          accept=".json,application/json"
          onChange={files.clearError}
        />
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" disabled={progress !== null}>
            Import
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={progress !== null} onClick={() => void run('verify')}>
            Check without importing
          </button>
        </div>
      </form>
      {progress && (
        <p className="nhsuk-body" role="status">
          {progress}
        </p>
      )}
      {outcomes.length > 0 && <OutcomesTable outcomes={outcomes} />}
    </PageLayout>
  );
}

/** "Signed by NHS Borders, key 3F2A 9C01 77BE 4D10." or "Not signed." */
function signedInWords(signedBy: Output<'exchange.import'>['signedBy']): string {
  return signedBy ? `Signed by ${signedBy.board}, key ${signedBy.label}.` : 'Not signed.';
}

async function handle(mode: 'import' | 'verify', file: File): Promise<FileOutcome> {
  const read = await readTextFile(file);
  if (!read.ok) return { fileName: file.name, outcome: 'refused', detail: `${file.name}: ${read.problem}`, board: null };
  const content = read.text;
  try {
    if (mode === 'verify') {
      const checked = await call('exchange.verify', { fileName: file.name, content });
      return checked.ok
        ? { fileName: file.name, outcome: 'checked', detail: `Every check passed: ${checked.board?.name ?? ''}, ${checked.assessments} assessments. ${signedInWords(checked.signedBy)}`, board: null }
        : { fileName: file.name, outcome: 'refused', detail: checked.problem ?? 'Refused', board: null };
    }
    const report = await call('exchange.import', { fileName: file.name, content });
    if (report.status === 'already_imported') return { fileName: file.name, outcome: 'already_imported', detail: 'Nothing changed: everything in it is already here.', board: report.board };
    const added = `${report.assessmentsAdded} assessment${report.assessmentsAdded === 1 ? '' : 's'} added`;
    const estate = report.estateRecordsAdded + report.estateRecordsUpdated > 0 ? `; ${report.estateRecordsAdded} estate records added, ${report.estateRecordsUpdated} updated` : '';
    const templates = report.templatesInstalled.length > 0 ? `; checklist versions installed: ${report.templatesInstalled.join(', ')}` : '';
    const older = report.olderThanHere ? ' This return is older than ones already here, so names and bed counts were kept from the newer return.' : '';
    return { fileName: file.name, outcome: 'imported', detail: `${added}${estate}${templates}.${older} ${signedInWords(report.signedBy)}`, board: report.board };
  } catch (error) {
    return { fileName: file.name, outcome: 'refused', detail: messageOf(error), board: null };
  }
}

function OutcomesTable({ outcomes }: { outcomes: FileOutcome[] }) {
  const tag = (outcome: FileOutcome['outcome']) => (outcome === 'refused' ? 'nhsuk-tag--red' : outcome === 'imported' ? 'nhsuk-tag--green' : 'nhsuk-tag--grey');
  return (
    <FileResultsTable
      caption="Results"
      results={outcomes.map((row) => ({
        fileName: row.fileName,
        label: OUTCOME_LABEL[row.outcome],
        tag: tag(row.outcome),
        detail: (
          <>
            {row.detail}
            {row.board && (
              <>
                {' '}
                <a href={href.board(row.board.id)}>Open {row.board.name}</a>
              </>
            )}
          </>
        ),
      }))}
    />
  );
}

/** What this database does with returns that are not signed, with the way to change it. */
function UnsignedReturnsLine() {
  const { state } = useLoad('signing-status', () => call('signing.status', {}), []);
  if (state.status !== 'ready') return null;
  const { unsignedReturns, registered } = state.data;
  return (
    <p className="nhsuk-body">
      A return signed by its board is accepted only with a key registered here for that board ({registered.length} registered).{' '}
      {unsignedReturns === 'refuse'
        ? 'Returns that are not signed are refused.'
        : 'Returns that are not signed are accepted only from boards with no registered key, and are shown as not signed.'}{' '}
      <a href={href.signing()}>Signing keys and unsigned returns</a>
    </p>
  );
}
