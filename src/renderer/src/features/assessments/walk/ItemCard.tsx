import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Output } from '../../../../../shared/contract';
import type { SupervisionTier } from '../../../../../shared/domain/estate';
import { scoreLigaturePoint, type AnswerValue } from '../../../../../shared/scoring';
import { ActionForm } from '../ActionForm';
import { ACTION_STATUS_LABELS, DOMAIN_LABELS, HEIGHT_BAND_LABELS, PRIORITY_LABELS, answerText } from '../labels';
import { LigaturePointForm } from '../LigaturePointForm';
import { PhotoPanel } from '../PhotoPanel';
import { choicesFor, fallsShort, needsNaReason, parseNumberEntry, type Instance, type StoredAction, type StoredAnswer, type StoredPoint } from './model';
import type { AnswerDraft, SaveState } from './use-autosave';

type Photo = Output<'photos.list'>[number];
type Assessor = Output<'assessments.get'>['assessors'][number];

export interface ItemCardProps {
  instance: Instance;
  assessmentId: string;
  areaName: string;
  areaTier: SupervisionTier | null;
  answer: StoredAnswer | undefined;
  save: SaveState | undefined;
  points: readonly StoredPoint[];
  actions: readonly StoredAction[];
  photos: readonly Photo[];
  pointPhotos: ReadonlyMap<string, readonly Photo[]>;
  assessors: readonly Assessor[];
  /** The assessment's areas: a ward-level ligature prompt's points are in one of them. */
  areas: Output<'assessments.get'>['areas'];
  assessorId: string;
  readOnly: boolean;
  onSave: (instance: Instance, draft: AnswerDraft) => Promise<void>;
  /** After a key press answered: move on to the next question. */
  onAnsweredByKey: (instance: Instance) => void;
  onFocusItem: (instance: Instance) => void;
  onPointSaved: (point: StoredPoint, action: StoredAction | null) => void;
  onActionSaved: (action: StoredAction) => void;
  onPhotosChanged: (owner: { answerId?: string; ligaturePointId?: string }, photos: Photo[]) => void;
}

/** The residual risk as the engine scores it (tier floor, the area's tier), not as typed. */
function residualText(point: StoredPoint, areaTier: SupervisionTier | undefined): string {
  const { likelihood, severity, score, band } = scoreLigaturePoint(point, areaTier).residual;
  return `${likelihood} × ${severity} = ${score} (${band})`;
}

/** The DOM id of a question's card (its place in the walkthrough). */
export function cardId(instance: Instance): string {
  return `item-${instance.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function isTextEntry(target: EventTarget): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'file'].includes(target.type);
}

/** One question in one place: the question, guidance on demand, the answer control, note, and what hangs off the answer. */
export const ItemCard = memo(function ItemCard(props: ItemCardProps) {
  const { instance, assessmentId, areaName, areaTier, answer, save, points, actions, photos, pointPhotos, assessors, assessorId, readOnly } = props;
  const { item } = instance;
  const id = cardId(instance);
  const choices = choicesFor(item);
  const number = 'response' in item && item.response.type === 'number' ? item.response : null;
  const [naWaiting, setNaWaiting] = useState(false);
  const [note, setNote] = useState(answer?.note ?? '');
  const [naReason, setNaReason] = useState(answer?.naReason ?? '');
  const [numberText, setNumberText] = useState(typeof answer?.value === 'number' ? String(answer.value) : '');
  const [numberError, setNumberError] = useState<string | null>(null);
  const [open, setOpen] = useState<'point' | 'action' | { point: StoredPoint } | { action: StoredAction } | null>(null);
  const [pointActionError, setPointActionError] = useState<string | null>(null);
  /** Bumped when an inline form closes: focus goes back to the question, not to the page. */
  const [refocus, setRefocus] = useState(0);
  const noteTimer = useRef<number | undefined>(undefined);
  const reasonRef = useRef<HTMLInputElement>(null);

  const shown: AnswerValue | undefined = naWaiting ? 'na' : (save?.draft.value ?? answer?.value);
  const savedNote = save?.draft.note ?? answer?.note ?? '';
  const assessor = answer ? assessors.find((a) => a.id === answer.assessorId) : undefined;

  // The note as typed, and what a save needs, read from refs: a save fired by the pause timer, by
  // leaving the page or by this card unmounting must send the latest keystroke, not the text of
  // the render that set the timer.
  const noteRef = useRef(note);
  const latest = useRef({ shown, naWaiting, savedNote, send: (_value: AnswerValue, _extra: Partial<AnswerDraft>) => undefined as unknown });
  const flushNote = useRef(() => {
    window.clearTimeout(noteTimer.current);
    noteTimer.current = undefined;
    const { shown: value, naWaiting: waiting, savedNote: saved, send: sendNow } = latest.current;
    if (value === undefined || waiting) return;
    const typed = noteRef.current.trim() === '' ? null : noteRef.current;
    if ((typed ?? '') === (saved ?? '')) return;
    void sendNow(value, { note: typed });
  });
  useEffect(() => {
    const flush = () => {
      if (noteTimer.current !== undefined) flushNote.current();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
  useEffect(() => {
    if (refocus > 0) document.getElementById(id)?.focus();
  }, [refocus, id]);
  const close = () => {
    setOpen(null);
    setRefocus((n) => n + 1);
  };
  useEffect(() => {
    if (naWaiting) reasonRef.current?.focus();
  }, [naWaiting]);

  const send = (value: AnswerValue, extra: Partial<AnswerDraft> = {}) =>
    props.onSave(instance, { value, note: note.trim() === '' ? null : note, naReason: naReason.trim() === '' ? null : naReason, ...extra });

  /** Returns true when the answer went to the store (false: it waits for a reason). */
  const choose = (value: AnswerValue): boolean => {
    if (readOnly) return false;
    if (value === 'na' && needsNaReason(item) && naReason.trim() === '') {
      setNaWaiting(true);
      return false;
    }
    setNaWaiting(false);
    void send(value);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
    const key = event.key.toLowerCase();
    const choice = choices.find((c) => c.keys.includes(key));
    if (!choice) return;
    event.preventDefault();
    event.stopPropagation();
    if (choose(choice.value) && choice.value !== 'risk_present') props.onAnsweredByKey(instance);
  };

  /** Sends the typed number; false when it is missing or out of range (the box then says why). */
  const saveNumber = (): boolean => {
    if (!number) return false;
    const entry = parseNumberEntry(numberText, number);
    if (entry.kind === 'empty') return false;
    if (entry.kind === 'invalid') {
      setNumberError(entry.message);
      return false;
    }
    const { value } = entry;
    setNumberError(null);
    if (shown !== value || save?.status === 'failed') void send(value);
    return true;
  };

  latest.current = { shown, naWaiting, savedNote, send };
  const saveNote = () => flushNote.current();

  const short = fallsShort(answer?.value, item);
  const answerActions = answer ? actions.filter((a) => a.answerId === answer.id) : [];

  return (
    <section
      className="app-item"
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-q`}
      onKeyDown={onKeyDown}
      onFocus={() => props.onFocusItem(instance)}
    >
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
        {item.id} · {DOMAIN_LABELS[instance.domain]}
        {'weight' in item && ` · weight ${item.weight}`}
        {'critical' in item && item.critical && ' · critical'}
      </p>
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2" id={`${id}-q`}>
        {item.question}
      </h3>
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
          {'lookFor' in item && <p className="nhsuk-body-s"><strong>Look at:</strong> {item.lookFor.join(', ')}</p>}
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
            <strong>References:</strong> {item.references.map((r) => (r.note ? `${r.doc} (${r.note})` : r.doc)).join('; ')}
          </p>
        </div>
      </details>

      {number && (
        <div className={`nhsuk-form-group${numberError ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={`${id}-number`}>
            Answer in {number.unit}
          </label>
          <div className="nhsuk-hint" id={`${id}-number-hint`}>
            From {number.min} to {number.max}. Press Enter to save.
          </div>
          {numberError && (
            <span className="nhsuk-error-message" id={`${id}-number-error`}>
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {numberError}
            </span>
          )}
          <input
            className={`nhsuk-input nhsuk-input--width-5${numberError ? ' nhsuk-input--error' : ''}`}
            id={`${id}-number`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            readOnly={readOnly}
            aria-describedby={`${id}-number-hint${numberError ? ` ${id}-number-error` : ''}`}
            value={numberText}
            onChange={(e) => setNumberText(e.target.value)}
            onBlur={() => void saveNumber()}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (saveNumber()) props.onAnsweredByKey(instance);
            }}
          />
        </div>
      )}
      {choices.length > 0 && (
        <fieldset className="nhsuk-fieldset" aria-describedby={`${id}-status`}>
          <legend className="nhsuk-u-visually-hidden">
            Answer {item.id} in {areaName}
          </legend>
          <div className="nhsuk-radios nhsuk-radios--inline nhsuk-radios--small">
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
                    onChange={() => choose(choice.value)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={rid}>
                    {choice.label} <kbd className="app-kbd" aria-hidden="true">{choice.keys[0]?.toUpperCase()}</kbd>
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
            Why does this not apply here?{needsNaReason(item) ? '' : ' (optional)'}
          </label>
          {needsNaReason(item) && (
            <div className="nhsuk-hint">
              {'weight' in item ? 'This is a weight 3 item' : 'This is a ligature prompt'}: a reason is needed. Press Enter to save.
            </div>
          )}
          <input
            ref={reasonRef}
            className="nhsuk-input"
            id={`${id}-na-reason`}
            type="text"
            autoComplete="off"
            value={naReason}
            onChange={(e) => setNaReason(e.target.value)}
            onBlur={() => {
              if (naReason.trim() !== '' && (naWaiting || naReason !== (answer?.naReason ?? ''))) choose('na');
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (naReason.trim() !== '' && choose('na')) props.onAnsweredByKey(instance);
            }}
          />
        </div>
      )}

      <SaveLine id={`${id}-status`} save={save} answer={answer} naWaiting={naWaiting} assessor={assessor} onRetry={() => save && void props.onSave(instance, save.draft)} />

      <details className="nhsuk-details nhsuk-u-margin-bottom-2" open={savedNote !== '' || undefined}>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Note{savedNote ? ' (1)' : ''}</span>
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
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              noteRef.current = e.target.value;
              window.clearTimeout(noteTimer.current);
              noteTimer.current = window.setTimeout(saveNote, 1500);
            }}
            onBlur={saveNote}
          />
        </div>
      </details>

      {answer && (photos.length > 0 || !readOnly) && (
        <details className="nhsuk-details nhsuk-u-margin-bottom-2" open={photos.length > 0 || undefined}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Photos ({photos.length})</span>
          </summary>
          <div className="nhsuk-details__text">
            <PhotoPanel
              idPrefix={id}
              assessmentId={assessmentId}
              answerId={answer.id}
              assessorId={assessorId}
              photos={photos}
              readOnly={readOnly}
              label={`${item.id} in ${areaName}`}
              onChanged={(next) => props.onPhotosChanged({ answerId: answer.id }, next)}
            />
          </div>
        </details>
      )}

      {'lookFor' in item && (answer?.value === 'risk_present' || points.length > 0) && (
        <div className="app-subsection">
          <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">Ligature points for {item.id} in {areaName}</h4>
          {pointActionError && <p className="nhsuk-error-message">{pointActionError}</p>}
          {points.length === 0 && answer?.value === 'risk_present' && <p className="nhsuk-body-s">None recorded yet. Record each anchor point found.</p>}
          <ul className="nhsuk-list">
            {points.map((point) => {
              const pointActions = actions.filter((a) => a.ligaturePointId === point.id);
              return (
                <li key={point.id} className="app-point">
                  <strong>{point.element}</strong>
                  {instance.areaId === null && ` · ${props.areas.find((a) => a.areaId === point.areaId)?.name ?? 'area not in this assessment'}`} · {HEIGHT_BAND_LABELS[point.heightBand]} · tier {point.tier}
                  {point.tierReason && ` (below the area’s: ${point.tierReason})`} · residual {residualText(point, props.areas.find((a) => a.areaId === point.areaId)?.supervisionTier)}
                  <br />
                  <span className="nhsuk-body-s">{point.description}</span>
                  {pointActions.map((a) => (
                    <span key={a.id} className="nhsuk-body-s app-cell-note">
                      Action: {a.description} — {a.owner}, {a.dueDate ?? 'no date'}, {ACTION_STATUS_LABELS[a.status]}
                    </span>
                  ))}
                  {!readOnly && (
                    <button type="button" className="app-link-button" onClick={() => setOpen({ point })}>
                      Change<span className="nhsuk-u-visually-hidden"> {point.element}</span>
                    </button>
                  )}
                  <PhotoPanel
                    idPrefix={`${id}-point-${point.id}`}
                    assessmentId={assessmentId}
                    ligaturePointId={point.id}
                    assessorId={assessorId}
                    photos={pointPhotos.get(point.id) ?? []}
                    readOnly={readOnly}
                    label={`ligature point ${point.element}`}
                    onChanged={(next) => props.onPhotosChanged({ ligaturePointId: point.id }, next)}
                  />
                </li>
              );
            })}
          </ul>
          {!readOnly && open === null && answer?.value === 'risk_present' && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" id={`${id}-record-point`} onClick={() => setOpen('point')}>
              Record a ligature point<span className="nhsuk-u-visually-hidden"> for {item.id} in {areaName}</span>
            </button>
          )}
          {(open === 'point' || (open && typeof open === 'object' && 'point' in open)) && (
            <LigaturePointForm
              idPrefix={`${id}-lp`}
              assessmentId={assessmentId}
              areaId={instance.areaId}
              areaName={areaName}
              areaTier={areaTier}
              areas={props.areas}
              itemId={item.id}
              lookFor={item.lookFor}
              assessorId={assessorId}
              {...(typeof open === 'object' ? { point: open.point } : {})}
              onSaved={(point, action, actionError) => {
                props.onPointSaved(point, action);
                setPointActionError(actionError);
                close();
              }}
              onCancel={close}
            />
          )}
        </div>
      )}

      {answer && (short || answerActions.length > 0) && !('lookFor' in item) && (
        <div className="app-subsection">
          <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">Actions for {item.id} in {areaName}</h4>
          <ul className="nhsuk-list">
            {answerActions.map((a) => (
              <li key={a.id}>
                {a.description} — {a.owner}, due {a.dueDate ?? 'no date'}, {PRIORITY_LABELS[a.priority]} priority, {ACTION_STATUS_LABELS[a.status]}{' '}
                {!readOnly && (
                  <button type="button" className="app-link-button" onClick={() => setOpen({ action: a })}>
                    Change<span className="nhsuk-u-visually-hidden"> action {a.description}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          {!readOnly && open === null && short && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setOpen('action')}>
              Add an action<span className="nhsuk-u-visually-hidden"> for {item.id} in {areaName}</span>
            </button>
          )}
          {(open === 'action' || (open && typeof open === 'object' && 'action' in open)) && (
            <ActionForm
              idPrefix={`${id}-action`}
              assessmentId={assessmentId}
              answerId={answer.id}
              {...(typeof open === 'object' ? { action: open.action } : {})}
              onSaved={(action) => {
                props.onActionSaved(action);
                close();
              }}
              onCancel={close}
            />
          )}
        </div>
      )}
    </section>
  );
});

function SaveLine(props: { id: string; save: SaveState | undefined; answer: StoredAnswer | undefined; naWaiting: boolean; assessor: { name: string; role: string } | undefined; onRetry: () => void }) {
  const { id, save, answer, naWaiting, assessor, onRetry } = props;
  let content;
  if (naWaiting) content = <span className="app-save-failed">Not saved yet: say why it does not apply, then press Enter.</span>;
  else if (save?.status === 'saving') content = <span className="app-save-saving">Saving…</span>;
  else if (save?.status === 'failed')
    content = (
      <>
        <span className="app-save-failed">
          <strong>Not saved.</strong> {save.message}
        </span>{' '}
        <button type="button" className="app-link-button" onClick={onRetry}>
          Try again
        </button>
      </>
    );
  else if (answer)
    content = (
      <span className="app-save-saved">
        Saved: {answerText(answer.value)}
        {assessor ? ` (by ${assessor.name})` : ''}
      </span>
    );
  else content = <span className="nhsuk-u-secondary-text-colour">Not answered</span>;
  return (
    <p className="nhsuk-body-s app-save-status" id={id} aria-live="polite">
      {content}
    </p>
  );
}
