import type { KeyboardEvent, ReactNode, Ref } from 'react';
import type { AnswerValue } from '../../../../../shared/scoring';
import type { TemplateItem } from '../../../../../shared/templates';
import { DOMAIN_LABELS } from '../../../../../shared/vocabulary';
import { RadiosField } from '../../../components/RadiosField';
import { TextareaField } from '../../../components/TextareaField';
import { TextField } from '../../../components/TextField';
import type { Choice, QuestionState, SaveLine } from './question-controller';
import type { Instance } from './model';

// One question in one place, drawn from its controller's view: the question, guidance on demand,
// the answer control, the reason or figure it needs, where its answer stands, and the panels that
// hang off the answer (photos, ligature points, actions). Presentational: no data of its own, and
// built on the app's form primitives (RadiosField, TextField, TextareaField) like every form.

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
        <TextField
          id={`${id}-number`}
          label={`Answer in ${number.unit}`}
          hint={
            <>
              From {number.min} to {number.max}. Press Enter to save.
              {numberNotes.register && <span className="app-block">{numberNotes.register}</span>}
            </>
          }
          error={state.numberError ?? undefined}
          width={5}
          inputMode="decimal"
          autoComplete="off"
          readOnly={readOnly}
          describedBy={`${id}-number-band`}
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
        >
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
        </TextField>
      )}
      {choices.length > 0 && (
        <RadiosField
          idPrefix={id}
          legend={`Answer ${item.id} in ${areaName}`}
          legendHidden
          inline
          className="app-answer-radios"
          describedBy={statusId}
          choices={choices.map((c) => ({ value: String(c.value), label: c.label }))}
          checkedValue={shown === undefined ? '' : String(shown)}
          labelSuffix={(choice) => (
            <>
              {' '}
              <kbd className="app-kbd" aria-hidden="true">
                {choices.find((c) => String(c.value) === choice.value)?.keys[0]?.toUpperCase()}
              </kbd>
            </>
          )}
          inputProps={{
            name: `${id}-answer`,
            disabled: readOnly,
            onChange: (e) => props.onChoose(choices.find((c) => String(c.value) === e.target.value)!.value),
          }}
        />
      )}

      {shown === 'na' && !readOnly && (
        <TextField
          ref={props.reasonRef}
          id={`${id}-na-reason`}
          label={`Why does this not apply here?${props.naReasonRequired ? '' : ' (optional)'}`}
          hint={props.naReasonRequired ? `${'weight' in item ? 'This is a weight 3 item' : 'This is a ligature prompt'}: a reason is needed. Press Enter to save.` : undefined}
          autoComplete="off"
          value={state.naReason}
          onChange={(e) => props.onReasonTyped(e.target.value)}
          onBlur={() => props.onReasonCommit('blur')}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            props.onReasonCommit('enter');
          }}
        />
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
          <TextareaField
            id={`${id}-note`}
            label={`Note on ${item.id} in ${areaName}`}
            hint={shown === undefined ? 'Answer the question first: the note is saved with the answer.' : 'Saved when you leave the box or pause typing.'}
            rows={2}
            readOnly={readOnly}
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
