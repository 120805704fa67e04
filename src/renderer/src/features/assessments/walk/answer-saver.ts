import type { Input } from '../../../../../shared/contract';
import type { AnswerValue } from '../../../../../shared/scoring';
import { messageOf } from '../../../api/api-error';
import type { Instance, StoredAnswer } from './model';

// The ordering rules of saving answers, free of React so they can be tested on their own:
// use-autosave.ts keeps React's state in step with what this reports.

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

export type RecordAnswer = Input<'answers.record'>;

/** The store's input for one answer: a reason for "does not apply" goes only with that answer. */
export function recordInputFor(assessmentId: string, assessorId: string, instance: Instance, draft: AnswerDraft): RecordAnswer {
  return {
    assessmentId,
    itemId: instance.item.id,
    areaId: instance.areaId,
    value: draft.value,
    note: draft.note,
    naReason: draft.value === 'na' ? draft.naReason : null,
    assessorId,
  };
}

export interface AnswerSaverOptions {
  /** Sends one answer to the store; resolves with what was stored, rejects if it was not. */
  record: (input: RecordAnswer) => Promise<StoredAnswer>;
  /** A question's save state changed. */
  onState: (key: string, state: SaveState) => void;
  /** The store confirmed the latest answer asked for a question. */
  onSaved: (key: string, answer: StoredAnswer) => void;
}

/**
 * Saves for one question go one after another, so the last thing the assessor chose is the last
 * thing stored; a question is "saved" only when its latest save is confirmed, and a failure of
 * its latest save keeps the draft with the reason. Questions save independently of each other.
 */
export function createAnswerSaver({ record, onState, onSaved }: AnswerSaverOptions) {
  const chains = new Map<string, Promise<void>>();
  const latest = new Map<string, number>();
  let seq = 0;

  return {
    save(key: string, draft: AnswerDraft, input: RecordAnswer): Promise<void> {
      const mine = (seq += 1);
      latest.set(key, mine);
      onState(key, { status: 'saving', draft });
      const previous = chains.get(key) ?? Promise.resolve();
      const run = previous.then(async () => {
        try {
          const answer = await record(input);
          // An older save finishing after a newer one was asked for must not say "Saved".
          if (latest.get(key) !== mine) return;
          onSaved(key, answer);
          onState(key, { status: 'saved', draft });
        } catch (error) {
          if (latest.get(key) !== mine) return;
          onState(key, { status: 'failed', draft, message: messageOf(error) });
        }
      });
      chains.set(key, run);
      return run;
    },
  };
}
