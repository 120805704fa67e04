import { memo, useCallback, useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { needsNaReason } from '../../../../../shared/scoring';
import { useAnswers } from '../assessment-queries';
import { AnswerActions } from './AnswerActions';
import { AnswerPhotos } from './AnswerPhotos';
import { LigaturePoints } from './LigaturePoints';
import { QuestionConflict } from '../../team/walk-signs';
import type { Instance, StoredAnswer } from './model';
import { QuestionCard, isAnswerKey } from './QuestionCard';
import { canCarryAction, choicesFor, initialState, numberNotes, provenance, saveLine, shownValue, update, type QuestionContext, type QuestionEvent } from './question-controller';
import { cardId, useWalk } from './walk-context';

/** How long a note waits after the last keystroke before it is saved. */
const NOTE_PAUSE_MS = 1500;

/**
 * One question wired to its data: its own answer (from the answers query), its save state (from
 * the save tracker), and the controller that turns what the assessor does into saves and moves.
 */
export const QuestionSlot = memo(function QuestionSlot({ instance }: { instance: Instance }) {
  const walk = useWalk();
  const { saves, readOnly } = walk;
  const { item } = instance;
  const id = cardId(instance);
  const answer = useAnswers(walk.assessment.id, (all) => all[instance.key]).data;
  const save = useSyncExternalStore(
    useCallback((listener) => saves.subscribe(instance.key, listener), [saves, instance.key]),
    () => saves.entry(instance.key),
  );
  const figure = walk.figureFor(instance);
  const [state, setState] = useState(() => initialState(answer, figure));
  const reasonRef = useRef<HTMLInputElement>(null);
  const noteTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // An answer written elsewhere (a fill, another screen) shows here unless the assessor is busy with it.
  const seen = useRef(answer);
  useEffect(() => {
    if (seen.current === answer) return;
    seen.current = answer;
    if (!answer || saves.entry(instance.key)) return;
    setState((s) => ({
      ...s,
      naReason: s.naWaiting ? s.naReason : (answer.naReason ?? ''),
      numberText: typeof answer.value === 'number' ? String(answer.value) : s.numberText,
      note: noteTimer.current === undefined ? (answer.note ?? '') : s.note,
    }));
  }, [answer, saves, instance.key]);

  // Events read the latest state and data through a ref: a note saved by its timer, or as the
  // card goes away, must carry the last keystroke.
  const latest = useRef({ state, context: { item, answer, save, readOnly } as QuestionContext });
  latest.current = { state, context: { item, answer, save, readOnly } };

  const dispatch = useCallback(
    (event: QuestionEvent): boolean => {
      const { state: current, context } = latest.current;
      const transition = update(current, event, context);
      latest.current.state = transition.state;
      setState(transition.state);
      let saved: Promise<StoredAnswer | null> = Promise.resolve(context.answer ?? null);
      for (const effect of transition.effects) {
        if (effect.type === 'save') {
          clearTimeout(noteTimer.current);
          noteTimer.current = undefined;
          saved = saves.save(instance, effect.draft, walk.assessorId);
        } else if (effect.type === 'advance') {
          walk.answeredByKey(instance, saved);
        } else if (effect.type === 'focus-reason') {
          // After the reason box has appeared.
          setTimeout(() => reasonRef.current?.focus(), 0);
        } else if (effect.type === 'schedule-note') {
          clearTimeout(noteTimer.current);
          noteTimer.current = setTimeout(() => {
            noteTimer.current = undefined;
            dispatch({ type: 'note-flush' });
          }, NOTE_PAUSE_MS);
        }
      }
      return transition.handled;
    },
    [saves, instance, walk],
  );

  // A note still waiting for its pause is saved when the page goes away or the card does.
  useEffect(() => {
    const flush = () => {
      if (noteTimer.current === undefined) return;
      clearTimeout(noteTimer.current);
      noteTimer.current = undefined;
      dispatch({ type: 'note-flush' });
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [dispatch]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!isAnswerKey(event)) return;
    if (dispatch({ type: 'key', key: event.key })) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const context = { item, answer, save, readOnly };
  const unit = 'response' in item && item.response.type === 'number' ? item.response.unit : undefined;
  const shown = shownValue(state, context);
  const areaName = walk.areaName(instance.areaId);

  return (
    <QuestionCard
      id={id}
      instance={instance}
      areaName={areaName}
      choices={choicesFor(item)}
      shown={shown}
      state={state}
      line={saveLine(state, context, answer ? walk.assessorName(answer.assessorId) : undefined, unit)}
      provenance={provenance(answer, (areaId) => walk.areaName(areaId))}
      numberNotes={numberNotes(item, state, figure, answer)}
      naReasonRequired={needsNaReason(item)}
      readOnly={readOnly}
      reasonRef={reasonRef}
      onKeyDown={onKeyDown}
      onFocus={() => walk.focused(instance)}
      onChoose={(value) => dispatch({ type: 'choose', value })}
      onNumberTyped={(text) => dispatch({ type: 'number-typed', text })}
      onNumberCommit={(via) => dispatch({ type: 'number-commit', via })}
      onReasonTyped={(text) => dispatch({ type: 'reason-typed', text })}
      onReasonCommit={(via) => dispatch({ type: 'reason-commit', via })}
      onNoteTyped={(text) => dispatch({ type: 'note-typed', text })}
      onNoteBlur={() => dispatch({ type: 'note-flush' })}
      onRetry={() => void saves.retry(instance, walk.assessorId)}
    >
      <QuestionConflict cardId={id} itemId={item.id} areaId={instance.areaId} />
      {answer && <AnswerPhotos cardId={id} answerId={answer.id} label={`${item.id} in ${areaName}`} />}
      {'lookFor' in item && <LigaturePoints cardId={id} instance={instance} riskPresent={shown === 'risk_present'} />}
      {answer && 'response' in item && <AnswerActions cardId={id} instance={instance} answer={answer} canAdd={canCarryAction(item, answer)} />}
    </QuestionCard>
  );
});
