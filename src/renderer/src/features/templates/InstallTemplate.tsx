import { useEffect, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { useAnnounce } from '../../app/status';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/ErrorSummary';
import { classNames, describedBy } from '../../components/class-names';
import { ChangesSummary } from './ChangesSummary';
import { DOMAIN_LABELS, shortHash } from './domain-labels';
import { readTextFile } from '../../components/read-text-file';

type Preview = Output<'templates.preview'>;
type ValidPreview = Extract<Preview, { valid: true }>;

type Step =
  | { step: 'choose' }
  | { step: 'checking'; fileName: string }
  | { step: 'refused'; fileName: string; problems: string[]; attempt: number }
  | { step: 'review'; fileName: string; content: string; preview: ValidPreview };

const FILE_INPUT = 'template-file';
/** The browser door accepts requests up to 1 MB (the file travels JSON-escaped); templates are about 20 kB. */
const MAX_FILE_BYTES = 900_000;

/**
 * Install a checklist version from a file: the file is read here, checked and compared with the
 * current version by `templates.preview` (which writes nothing), and installed only when the user
 * confirms what they have seen.
 */
export function InstallTemplate({ onInstalled }: { onInstalled: (domain: ValidPreview['domain']) => Promise<void> }) {
  const announce = useAnnounce();
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [makeCurrent, setMakeCurrent] = useState(true);
  const [installing, setInstalling] = useState(false);
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const attempts = useRef(0);

  useEffect(() => {
    if (state.step === 'review') reviewHeading.current?.focus();
  }, [state]);

  const reset = () => {
    setState({ step: 'choose' });
    setFailure(null);
    setMakeCurrent(true);
    if (input.current) input.current.value = '';
  };

  const check = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFailure(null);
    if (!file) return setState({ step: 'choose' });
    attempts.current += 1;
    if (file.size > MAX_FILE_BYTES) {
      return setState({ step: 'refused', fileName: file.name, problems: [`${file.name} is too large (over 900 kB) to be a checklist template, which is about 20 kB. Check you chose the right file.`], attempt: attempts.current });
    }
    setState({ step: 'checking', fileName: file.name });
    try {
      const read = await readTextFile(file);
      if (!read.ok) return setState({ step: 'refused', fileName: file.name, problems: [`${file.name} ${read.problem}`], attempt: attempts.current });
      const content = read.text;
      const preview = await call('templates.preview', { fileName: file.name, content });
      if (preview.valid) setState({ step: 'review', fileName: file.name, content, preview });
      else setState({ step: 'refused', fileName: file.name, problems: preview.problems, attempt: attempts.current });
    } catch (error) {
      setState({ step: 'refused', fileName: file.name, problems: [messageOf(error)], attempt: attempts.current });
    }
  };

  const install = async () => {
    if (state.step !== 'review' || installing) return;
    setInstalling(true);
    try {
      const result = await call('templates.install', { fileName: state.fileName, content: state.content, makeCurrent });
      const { key, domain, isCurrent } = result.template;
      announce(
        result.alreadyInstalled
          ? `${key} was already installed; nothing changed.`
          : `Installed ${key}.${isCurrent ? ` It is now current for new ${DOMAIN_LABELS[domain].toLowerCase()} assessments.` : ' It is not current.'}`,
      );
      reset();
      await onInstalled(domain);
    } catch (error) {
      setFailure((previous) => ({ message: messageOf(error), attempt: (previous?.attempt ?? 0) + 1 }));
    } finally {
      setInstalling(false);
    }
  };

  const refused = state.step === 'refused' ? state : null;
  const fileError = refused ? `${refused.fileName} cannot be installed: fix the problems listed above` : undefined;
  const hintId = `${FILE_INPUT}-hint`;
  const errorId = fileError ? `${FILE_INPUT}-error` : undefined;

  return (
    <section aria-labelledby="install-heading">
      <h2 className="nhsuk-heading-m" id="install-heading">
        Install a new version from a file
      </h2>
      <p className="nhsuk-body">
        When NHS Scotland Assure or your board issues a new version of a checklist, choose its JSON file here. The app
        checks it and shows what it changes against the current version <strong>before</strong> anything is installed.
      </p>
      {refused && (
        <ErrorSummary
          title={`${refused.fileName} cannot be installed`}
          items={refused.problems.map((message) => ({ message }))}
          focusKey={refused.attempt}
        />
      )}
      <div className={classNames('nhsuk-form-group', 'nhsuk-file-upload', fileError && 'nhsuk-form-group--error')}>
        <label className="nhsuk-label" htmlFor={FILE_INPUT}>
          Checklist template file (JSON)
        </label>
        <div className="nhsuk-hint" id={hintId}>
          Nothing is written until you have seen the changes and chosen to install.
        </div>
        {fileError && errorId && <ErrorMessage id={errorId}>{fileError}</ErrorMessage>}
        <input
          ref={input}
          className="nhsuk-file-upload__input"
          id={FILE_INPUT}
          name="template-file"
          type="file"
          accept=".json,application/json"
          aria-describedby={describedBy(hintId, errorId)}
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => void check(event)}
        />
      </div>
      {state.step === 'checking' && (
        <p className="nhsuk-body" aria-busy="true">
          Checking {state.fileName}…
        </p>
      )}
      {state.step === 'review' && (
        <Review
          preview={state.preview}
          headingRef={reviewHeading}
          makeCurrent={makeCurrent}
          onMakeCurrentChange={setMakeCurrent}
          installing={installing}
          failure={failure}
          onInstall={() => void install()}
          onCancel={reset}
        />
      )}
    </section>
  );
}

function Review({
  preview,
  headingRef,
  makeCurrent,
  onMakeCurrentChange,
  installing,
  failure,
  onInstall,
  onCancel,
}: {
  preview: ValidPreview;
  headingRef: RefObject<HTMLHeadingElement | null>;
  makeCurrent: boolean;
  onMakeCurrentChange: (value: boolean) => void;
  installing: boolean;
  failure: { message: string; attempt: number } | null;
  onInstall: () => void;
  onCancel: () => void;
}) {
  const label = DOMAIN_LABELS[preview.domain];
  const { current, diff } = preview;
  return (
    <div className="app-review" role="region" aria-labelledby="review-heading">
      <h3 className="nhsuk-heading-m app-page-heading" id="review-heading" tabIndex={-1} ref={headingRef}>
        Check before installing: {preview.key}
      </h3>
      <dl className="nhsuk-summary-list">
        {(
          [
            ['Checklist', preview.title],
            ['Version', `${preview.version} (${preview.status})`],
            ['Items', String(preview.itemCount)],
            ['Content hash', `SHA-256 ${shortHash(preview.contentHash)}…`],
            ['File', preview.fileName],
            ['Compared with', current ? `${current.key}, the current ${label.toLowerCase()} version` : 'No current version'],
          ] as const
        ).map(([key, value]) => (
          <div className="nhsuk-summary-list__row" key={key}>
            <dt className="nhsuk-summary-list__key">{key}</dt>
            <dd className="nhsuk-summary-list__value app-break-anywhere">{value}</dd>
          </div>
        ))}
      </dl>

      <h4 className="nhsuk-heading-s">What changes</h4>
      {diff ? (
        <ChangesSummary diff={diff} />
      ) : current && current.key === preview.key ? (
        <p className="nhsuk-body">This is the current version.</p>
      ) : current ? (
        <p className="nhsuk-body">
          This file is a different checklist ({preview.templateId}) from the current one ({current.templateId}), so its
          items cannot be compared one by one.
        </p>
      ) : (
        <p className="nhsuk-body">There is no current version to compare with.</p>
      )}

      {preview.refusal ? (
        <>
          <ErrorSummary title="This file cannot be installed" items={[{ message: preview.refusal }]} focusKey={0} />
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Choose another file
          </button>
        </>
      ) : (
        <>
          {preview.alreadyInstalled && (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>This exact version is already installed. Installing it again changes nothing.</p>
            </div>
          )}
          <ErrorSummary title="The version was not installed" items={failure ? [{ message: failure.message }] : []} focusKey={failure?.attempt ?? 0} />
          <div className="nhsuk-form-group">
            <div className="nhsuk-checkboxes">
              <div className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id="make-current"
                  type="checkbox"
                  checked={makeCurrent}
                  aria-describedby="make-current-hint"
                  onChange={(event) => onMakeCurrentChange(event.target.checked)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="make-current">
                  Make {preview.version} current for new {label.toLowerCase()} assessments
                </label>
                <div className="nhsuk-hint nhsuk-checkboxes__hint" id="make-current-hint">
                  Assessments already started keep the versions they pinned, and their scores do not change.
                </div>
              </div>
            </div>
          </div>
          <div className="nhsuk-button-group">
            <button type="button" className="nhsuk-button" aria-disabled={installing || undefined} onClick={onInstall}>
              {installing ? 'Installing…' : 'Install this version'}
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      )}
    </div>
  );
}
