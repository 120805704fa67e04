import { useEffect, useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { oversizeProblem, returnFileName, serialiseReturn } from '../../../../shared/exchange/serialise';
import { keyLabel } from '../../../../shared/exchange/signature';
import { href } from '../../routing/routes';
import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { messageOf } from '../../api/api-error';
import { useAnnounce } from '../../app/status';
import { ErrorMessage } from '../../components/ErrorMessage';
import { blobUrl, downloadText } from '../../components/download';

type CsvFiles = Output<'exchange.exportCsv'>['files'];

/**
 * The board's return to NHS Scotland Assure: the exchange file (JSON) with the signed-off
 * assessments of one round (the latest, unless another or every round is chosen), and the same
 * data as CSV files for spreadsheets. A return too large to import is not offered for download.
 */
export function ExportReturnSection({ board }: { board: { id: string; name: string } }) {
  const announce = useAnnounce();
  const photosId = useId();
  const roundId = useId();
  const errorId = useId();
  const [includePhotos, setIncludePhotos] = useState(false);
  const [busy, setBusy] = useState<'json' | 'csv' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [csv, setCsv] = useState<{ fileName: string; url: string }[]>([]);
  /** A return that would hold no signed-off assessment, waiting for the user to say they want it. */
  const [empty, setEmpty] = useState<{ deliver: () => void } | null>(null);
  // The board's signing key on this computer, if any: every return is signed with it.
  const { state: signingState } = useLoad('signing-status', () => call('signing.status', {}), []);
  const key = signingState.status === 'ready' ? (signingState.data.boards.find((b) => b.boardId === board.id)?.key ?? null) : undefined;
  // Newest first; until the user picks one, the latest round ('' is every round).
  const { state: roundsState } = useLoad('board-rounds', () => call('reports.rounds', { boardId: board.id }), [board.id]);
  const rounds = roundsState.status === 'ready' ? roundsState.data : [];
  const [picked, setRound] = useState<string | null>(null);
  const round = picked ?? rounds[0] ?? '';
  const scope = round ? { round } : {};

  useEffect(() => () => csv.forEach((file) => URL.revokeObjectURL(file.url)), [csv]);

  async function downloadReturn() {
    setBusy('json');
    setError(null);
    try {
      const document = await call('exchange.export', { boardId: board.id, includePhotos, ...scope });
      const fileName = returnFileName(round ? `${board.name} ${round}` : board.name);
      const text = serialiseReturn(document);
      const oversize = oversizeProblem(text);
      if (oversize) {
        setError(includePhotos ? `${oversize} Or leave photos out.` : oversize);
        return;
      }
      const count = document.assessments.length;
      const signature = document.signature ? keyLabel(document.signature.keyId) : null;
      const deliver = () => {
        setEmpty(null);
        downloadText(fileName, text, 'application/json');
        announce(
          `Return downloaded: ${fileName}, ${count} signed-off assessment${count === 1 ? '' : 's'}${round ? ` of round ${round}` : ''}${includePhotos ? ' with photos' : ''}, ` +
            (signature ? `signed with the board’s key ${signature}` : 'not signed'),
        );
      };
      if (count === 0) setEmpty({ deliver });
      else deliver();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(null);
    }
  }

  async function prepareCsv() {
    setBusy('csv');
    setError(null);
    try {
      const { files } = await call('exchange.exportCsv', { boardId: board.id, ...scope });
      const deliver = () => {
        setEmpty(null);
        setCsv(toLinks(files));
        announce(`${files.length} CSV files ready to download`);
      };
      // The assessments table holds its header line and one line per assessment.
      const assessments = (files.find((f) => f.fileName === 'assessments.csv')?.content.trim().split('\r\n').length ?? 1) - 1;
      if (assessments === 0) setEmpty({ deliver });
      else deliver();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="export-return-heading" className="nhsuk-u-margin-bottom-7">
      <h2 className="nhsuk-heading-m" id="export-return-heading">
        Export return
      </h2>
      <p className="nhsuk-body">
        The board’s return for NHS Scotland Assure: the signed-off assessments of a round, with the checklist versions and
        scores, in one file the collator can check. Drafts are left out.
      </p>
      {key && (
        <p className="nhsuk-body">
          Returns are signed with {board.name}’s key <span className="app-key-label">{key.label}</span> (<a href={href.signing()}>Signing keys</a>).
        </p>
      )}
      {key === null && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Returns from {board.name} are not signed: it has no signing key on this computer, and NHS Scotland Assure may refuse
            unsigned returns. <a href={href.signing()}>Make the board’s signing key</a> and send them its public key.
          </p>
        </div>
      )}
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={roundId}>
            Round
          </label>
          <div className="nhsuk-hint" id={`${roundId}-hint`}>
            One round is what the collator asks for each year. Every round can make a file too large for a large board.
          </div>
          <select
            className="nhsuk-select"
            id={roundId}
            value={round}
            onChange={(event) => setRound(event.target.value)}
            aria-describedby={`${roundId}-hint`}
            disabled={busy !== null || roundsState.status === 'loading'}
          >
            {rounds.map((r, i) => (
              <option key={r} value={r}>
                {i === 0 ? `${r} (latest)` : r}
              </option>
            ))}
            <option value="">Every round</option>
          </select>
        </div>
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={photosId}
              type="checkbox"
              checked={includePhotos}
              onChange={(event) => setIncludePhotos(event.target.checked)}
              aria-describedby={`${photosId}-hint`}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={photosId}>
              Include photos
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${photosId}-hint`}>
              Makes the file much larger. Leave unticked unless the collator asked for photos.
            </div>
          </div>
        </div>
      </div>
      {empty && (
        <div className="nhsuk-warning-callout" data-testid="empty-return-warning">
          <h3 className="nhsuk-warning-callout__label" tabIndex={-1} ref={(el) => el?.focus()}>
            <span className="nhsuk-u-visually-hidden">Important: </span>
            This return holds no assessments
          </h3>
          <p>
            No assessment of {board.name}
            {round ? ` in round ${round}` : ''} is signed off, so the return would carry the estate register only and no findings. Sign off the round’s
            assessments first, or choose another round.
          </p>
          <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={empty.deliver}>
              Export it anyway
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setEmpty(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button" onClick={downloadReturn} disabled={busy !== null} aria-describedby={error ? errorId : undefined}>
          {busy === 'json' ? 'Preparing return…' : 'Download return (JSON)'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={prepareCsv} disabled={busy !== null}>
          {busy === 'csv' ? 'Preparing CSV files…' : 'Prepare CSV files'}
        </button>
      </div>
      {csv.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">CSV files (one per table)</h3>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {csv.map((file) => (
              <li key={file.fileName}>
                <a href={file.url} download={file.fileName}>
                  {file.fileName}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function toLinks(files: CsvFiles) {
  return files.map((file) => ({ fileName: file.fileName, url: blobUrl(file.content, 'text/csv;charset=utf-8') }));
}
