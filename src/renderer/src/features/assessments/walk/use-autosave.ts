import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api/call';
import { createAnswerSaver, recordInputFor, type AnswerDraft, type SaveState } from './answer-saver';
import type { Instance, StoredAnswer } from './model';

export type { AnswerDraft, SaveState } from './answer-saver';

/**
 * Sends each answer the moment it is given, in the order of answer-saver.ts, and keeps each
 * question's save state for the screen: a failure keeps the draft on screen with the reason and a retry.
 */
export function useAutosave(assessmentId: string, assessorId: string, onSaved: (key: string, answer: StoredAnswer) => void) {
  const [states, setStates] = useState<ReadonlyMap<string, SaveState>>(() => new Map());
  const assessor = useRef(assessorId);
  assessor.current = assessorId;
  const saved = useRef(onSaved);
  saved.current = onSaved;

  const [saver] = useState(() =>
    createAnswerSaver({
      record: (input) => call('answers.record', input),
      onState: (key, state) =>
        setStates((previous) => {
          const next = new Map(previous);
          next.set(key, state);
          return next;
        }),
      onSaved: (key, answer) => saved.current(key, answer),
    }),
  );

  const save = useCallback(
    (instance: Instance, draft: AnswerDraft): Promise<void> => saver.save(instance.key, draft, recordInputFor(assessmentId, assessor.current, instance, draft)),
    [assessmentId, saver],
  );

  return { states, save };
}
