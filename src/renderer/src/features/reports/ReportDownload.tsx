import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Output } from '../../../../shared/contract';
import { messageOf } from '../../api/api-error';
import { startDownload } from '../../components/download';
import { pdfObjectUrl } from './download';
import './report-download.css';

type ReportFile = Output<'reports.board'>;

export interface ReportChoice {
  value: string;
  label: string;
}

type State =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'done'; fileName: string; pageCount: number; url: string }
  | { step: 'failed'; message: string };

interface ReportDownloadProps {
  /** "board report", "site report", "ward report": used in the heading, button and messages. */
  what: string;
  /** A sentence on what the report holds. */
  description: ReactNode;
  /** The rounds (or assessments) to choose from, newest first; the first is chosen at the start. */
  choices: readonly ReportChoice[];
  choiceLabel: string;
  /** Shown instead of the button when there is nothing to report on yet. */
  emptyMessage: string;
  /** Offer "Include drafts" (estate reports): without it only signed-off assessments are counted. */
  draftsOption?: boolean;
  generate: (choice: string, includeDrafts: boolean) => Promise<ReportFile>;
}

/**
 * "Download report": pick a round, press the button, watch the progress bar while the PDF is
 * drawn, then the file downloads (and stays available as a link until the page is left).
 */
export function ReportDownload({ what, description, choices, choiceLabel, emptyMessage, draftsOption = false, generate }: ReportDownloadProps) {
  const id = useId();
  const [choice, setChoice] = useState(choices[0]?.value ?? '');
  const [includeDrafts, setIncludeDrafts] = useState(false);
  const [state, setState] = useState<State>({ step: 'idle' });
  const url = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );

  async function run() {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
    setState({ step: 'working' });
    try {
      const file = await generate(choice, includeDrafts);
      url.current = pdfObjectUrl(file.pdfBase64);
      setState({ step: 'done', fileName: file.fileName, pageCount: file.pageCount, url: url.current });
      startDownload(url.current, file.fileName);
    } catch (error) {
      setState({ step: 'failed', message: messageOf(error) });
    }
  }

  const headingId = `${id}-heading`;
  return (
    <section className="nhsuk-u-margin-bottom-6" aria-labelledby={headingId}>
      <h2 className="nhsuk-heading-m" id={headingId}>
        Download the {what}
      </h2>
      <p className="nhsuk-body">{description}</p>
      {choices.length === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{emptyMessage}</p>
        </div>
      ) : (
        <>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${id}-choice`}>
              {choiceLabel}
            </label>
            <select
              className="nhsuk-select"
              id={`${id}-choice`}
              value={choice}
              disabled={state.step === 'working'}
              onChange={(event) => setChoice(event.target.value)}
            >
              {choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          {draftsOption && (
            <div className="nhsuk-form-group">
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`${id}-drafts`}
                    type="checkbox"
                    aria-describedby={`${id}-drafts-hint`}
                    checked={includeDrafts}
                    onChange={(event) => setIncludeDrafts(event.target.checked)}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-drafts`}>
                    Include drafts
                  </label>
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-drafts-hint`}>
                    The report counts signed-off assessments only unless you tick this. A ward with no signed-off assessment in the round is then shown by its draft,
                    marked “Draft”.
                  </div>
                </div>
              </div>
            </div>
          )}
          <div aria-live="polite">
            {state.step === 'working' && (
              <>
                <div className="app-progress" role="progressbar" aria-label={`Preparing the ${what}`}>
                  <div className="app-progress__bar" />
                </div>
                <p className="nhsuk-body">Preparing the {what}: reading the assessments, then drawing the PDF. This can take a few seconds.</p>
              </>
            )}
            {state.step === 'done' && (
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>
                  The {what} is ready ({state.pageCount} {state.pageCount === 1 ? 'page' : 'pages'}).{' '}
                  <a href={state.url} download={state.fileName}>
                    Save {state.fileName}
                  </a>{' '}
                  if it did not download by itself.
                </p>
              </div>
            )}
          </div>
          {state.step === 'failed' && (
            <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
              <h3 className="nhsuk-error-summary__title">The {what} could not be made</h3>
              <div className="nhsuk-error-summary__body">
                <p>{state.message}</p>
              </div>
            </div>
          )}
          <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={state.step === 'working'} aria-disabled={state.step === 'working'} onClick={() => void run()}>
            Download {what} (PDF)
          </button>
        </>
      )}
    </section>
  );
}
