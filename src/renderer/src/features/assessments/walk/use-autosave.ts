import { useCallback, useRef, useState } from 'react';
import type { AnswerValue } from '../../../../../shared/scoring';
import { call } from '../../../api/call';
import { messageOf } from '../../../api/api-error';
import type { Instance, StoredAnswer } from './model';

export interface AnswerDraft {
  value: AnswerValue;
  note: string | null;
  naReason: string | null;
}

/** What the assessor sees per question: "Saved" only once the store has confirmed. */
export type SaveState =
  | { status: 'saving'; draft: AnswerDraft }
  | { status: 'saved'; draft: AnswerDraft }
  | { status: 'failed'; draft: AnswerDraft; message: string };

/**
 * Sends each answer the moment it is given. Saves for one question go one after another, so the
 * last thing the assessor chose is the last thing stored; a question shows "Saved" only when its
 * latest save is confirmed, and a failure keeps the draft on screen with the reason and a retry.
 */
export function useAutosave(assessmentId: string, assessorId: string, onSaved: (key: string, answer: StoredAnswer) => void) {
  const [states, setStates] = useState<ReadonlyMap<string, SaveState>>(() => new Map());
  const chains = useRef(new Map<string, Promise<void>>());
  const latest = useRef(new Map<string, number>());
  const seq = useRef(0);
  const assessor = useRef(assessorId);
  assessor.current = assessorId;
  const saved = useRef(onSaved);
  saved.current = onSaved;

  const setState = (key: string, state: SaveState) =>
    setStates((previous) => {
      const next = new Map(previous);
      next.set(key, state);
      return next;
    });

  const save = useCallback(
    (instance: Instance, draft: AnswerDraft): Promise<void> => {
      const mine = (seq.current += 1);
      latest.current.set(instance.key, mine);
      setState(instance.key, { status: 'saving', draft });
      const input = {
        assessmentId,
        itemId: instance.item.id,
        areaId: instance.areaId,
        value: draft.value,
        note: draft.note,
        naReason: draft.value === 'na' ? draft.naReason : null,
        assessorId: assessor.current,
      };
      const previous = chains.current.get(instance.key) ?? Promise.resolve();
      const run = previous.then(async () => {
        try {
          const answer = await call('answers.record', input);
          // An older save finishing after a newer one was asked for must not say "Saved".
          if (latest.current.get(instance.key) !== mine) return;
          saved.current(instance.key, answer);
          setState(instance.key, { status: 'saved', draft });
        } catch (error) {
          if (latest.current.get(instance.key) !== mine) return;
          setState(instance.key, { status: 'failed', draft, message: messageOf(error) });
        }
      });
      chains.current.set(instance.key, run);
      return run;
    },
    [assessmentId],
  );

  return { states, save };
}
