import type { KeyboardEvent, ReactNode, Ref } from 'react';
import type { AnswerValue } from '../../../../../shared/scoring';
import type { TemplateItem } from '../../../../../shared/templates';
import { DOMAIN_LABELS } from '../../../../../shared/vocabulary';
import { classNames } from '../../../components/class-names';
import type { Choice, QuestionState, SaveLine } from './question-controller';
import type { Instance } from './model';

// One question in one place, drawn from its controller's view: the question, guidance on demand,
// the answer control, the reason or figure it needs, where its answer stands, and the panels that
// hang off the answer (photos, ligature points, actions). Presentational: no data of its own.

export interface QuestionCardProps {
  id: string;
  instance: Instance;
  areaName: string;
  choices: readonly Choice[];
  shown: AnswerValue | undefined;
  state: QuestionState;
  line: SaveLine;
  provenance: string | null;
  numberNotes: { banding: string | null; register: string | null; contradiction: string | null };
  naReasonRequired: boolean;
  readOnly: boolean;
  reasonRef: Ref<HTMLInputElement>;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onFocus(): void;
  onChoose(value: AnswerValue): void;
  onNumberTyped(text: string): void;
  onNumberCommit(via: 'enter' | 'blur'): void;
  onReasonTyped(text: string): void;
  onReasonCommit(via: 'enter' | 'blur'): void;
  onNoteTyped(text: string): void;
  onNoteBlur(): void;
  onRetry(): void;
  /** Photos, ligature points and actions of this answer. */
  children?: ReactNode;
}

function isTextEntry(target: EventTarget): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'file'].includes(target.type);
}

/** A key pressed on the question itself or one of its answer radios (not in a text box, form or panel). */
export function isAnswerKey(event: KeyboardEvent<HTMLElement>): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return false;
  return !(event.target instanceof HTMLElement && event.target.closest('form, .app-photos'));
}

function Guidance({ item }: { item: TemplateItem }) {
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-3">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Guidance</span>
      </summary>
      <div className="nhsuk-details__text">
        <p className="nhsuk-body-s">
          <strong>What good looks like:</strong> {item.guidance.whatGoodLooksLike}
        </p>
        <p className="nhsuk-body-s">
          <strong>What to check:</strong> {item.guidance.whatToCheck}
        </p>
        {'lookFor' in item && (
          <p className="nhsuk-body-s">
            <strong>Look at:</strong> {item.lookFor.join(', ')}
          </p>
        )}
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
          <strong>References:</strong> {item.references.map((r) => (r.note ? `${r.doc} (${r.note})` : r.doc)).join('; ')}
        </p>
      </div>
    </details>
  );
}

export function QuestionCard(props: QuestionCardProps) {
  const { id, instance, areaName, choices, shown, state, line, provenance, numberNotes, readOnly } = props;
  const { item } = instance;
  const number = 'response' in item && item.response.type === 'number' ? item.response : null;
  const statusId = `${id}-status`;
  return (
    <section className="app-item" id={id} tabIndex={-1} aria-labelledby={`${id}-q`} onKeyDown={props.onKeyDown} onFocus={props.onFocus} data-answer-state={line.kind}>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
        {item.id} · {DOMAIN_LABELS[instance.domain]}
        {'weight' in item && ` · weight ${item.weight}`}
        {'critical' in item && item.critical && ' · critical'}
      </p>
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2" id={`${id}-q`}>
        {item.question}
      </h3>
      <Guidance item={item} />

      {number && (
        <div className={classNames('nhsuk-form-group', state.numberError && 'nhsuk-form-group--error')}>
          <label className="nhsuk-label" htmlFor={`${id}-number`}>
            Answer in {number.unit}
          </label>
          <div className="nhsuk-hint" id={`${id}-number-hint`}>
            From {number.min} to {number.max}. Press Enter to save.
            {numberNotes.register && <span className="app-block">{numberNotes.register}</span>}
          </div>
          {state.numberError && (
            <span className="nhsuk-error-message" id={`${id}-number-error`}>
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {state.numberError}
            </span>
          )}
          <input
            className={classNames('nhsuk-input nhsuk-input--width-5', state.numberError && 'nhsuk-input--error')}
            id={`${id}-number`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            readOnly={readOnly}
            aria-describedby={`${id}-number-hint ${id}-number-band${state.numberError ? ` ${id}-number-error` : ''}`}
            value={state.numberText}
            // Typing replaces what is there (a figure offered from the register, or the last answer).
            onFocus={(e) => e.target.select()}
            onChange={(e) => props.onNumberTyped(e.target.value)}
            onBlur={() => props.onNumberCommit('blur')}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              props.onNumberCommit('enter');
            }}
          />
          <p className="nhsuk-body-s app-number-band" id={`${id}-number-band`} aria-live="polite">
            {numberNotes.banding}
          </p>
          {numberNotes.contradiction && (
            <div className="nhsuk-warning-callout app-contradiction">
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                <strong>Does not match the register.</strong> {numberNotes.contradiction}
              </p>
            </div>
          )}
        </div>
      )}
      {choices.length > 0 && (
        <fieldset className="nhsuk-fieldset" aria-describedby={statusId}>
          <legend className="nhsuk-u-visually-hidden">
            Answer {item.id} in {areaName}
          </legend>
          <div className="nhsuk-radios nhsuk-radios--inline app-answer-radios">
            {choices.map((choice) => {
              const rid = `${id}-${String(choice.value)}`;
              return (
                <div className="nhsuk-radios__item" key={String(choice.value)}>
                  <input
                    className="nhsuk-radios__input"
                    id={rid}
                    type="radio"
                    name={`${id}-answer`}
                    value={String(choice.value)}
                    checked={shown === choice.value}
                    disabled={readOnly}
                    onChange={() => props.onChoose(choice.value)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={rid}>
                    {choice.label}{' '}
                    <kbd className="app-kbd" aria-hidden="true">
                      {choice.keys[0]?.toUpperCase()}
                    </kbd>
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}

      {shown === 'na' && !readOnly && (
        <div className="nhsuk-form-group nhsuk-u-margin-top-2">
          <label className="nhsuk-label" htmlFor={`${id}-na-reason`}>
            Why does this not apply here?{props.naReasonRequired ? '' : ' (optional)'}
          </label>
          {props.naReasonRequired && (
            <div className="nhsuk-hint" id={`${id}-na-reason-hint`}>
              A reason is needed here. Press Enter to save.
            </div>
          )}
          <input
            ref={props.reasonRef}
            className="nhsuk-input"
            id={`${id}-na-reason`}
            type="text"
            autoComplete="off"
            aria-describedby={props.naReasonRequired ? `${id}-na-reason-hint` : undefined}
            value={state.naReason}
            onChange={(e) => props.onReasonTyped(e.target.value)}
            onBlur={() => props.onReasonCommit('blur')}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              props.onReasonCommit('enter');
            }}
          />
        </div>
      )}

      <p className="nhsuk-body-s app-save-status" id={statusId} aria-live="polite">
        {line.kind === 'failed' ? (
          <>
            <span className="app-save-failed">
              <strong>Not saved.</strong> {line.text}
            </span>{' '}
            <button type="button" className="app-link-button" onClick={props.onRetry}>
              Try again
            </button>
          </>
        ) : (
          <span className={line.kind === 'unanswered' ? 'nhsuk-u-secondary-text-colour' : line.kind === 'waiting-reason' ? 'app-save-failed' : `app-save-${line.kind}`}>{line.text}</span>
        )}
      </p>
      {provenance && (
        <p className="nhsuk-body-s app-provenance" data-testid="provenance">
          <strong className="nhsuk-tag nhsuk-tag--blue app-tag-small">Filled</strong> {provenance}
        </p>
      )}

      <details className="nhsuk-details nhsuk-u-margin-bottom-2" open={state.note !== '' || undefined}>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Note{state.note ? ' (1)' : ''}</span>
        </summary>
        <div className="nhsuk-details__text">
          <label className="nhsuk-label" htmlFor={`${id}-note`}>
            Note on {item.id} in {areaName}
          </label>
          <div className="nhsuk-hint" id={`${id}-note-hint`}>
            {shown === undefined ? 'Answer the question first: the note is saved with the answer.' : 'Saved when you leave the box or pause typing.'}
          </div>
          <textarea
            className="nhsuk-textarea"
            id={`${id}-note`}
            rows={2}
            readOnly={readOnly}
            aria-describedby={`${id}-note-hint`}
            value={state.note}
            onChange={(e) => props.onNoteTyped(e.target.value)}
            onBlur={props.onNoteBlur}
          />
        </div>
      </details>
      {props.children}
    </section>
  );
}
