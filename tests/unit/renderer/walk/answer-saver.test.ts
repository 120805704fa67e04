import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/renderer/src/api/api-error';
import { createAnswerSaver, recordInputFor, type AnswerDraft, type RecordAnswer, type SaveState } from '../../../../src/renderer/src/features/assessments/walk/answer-saver';
import type { StoredAnswer } from '../../../../src/renderer/src/features/assessments/walk/model';
import { BEDROOM, smallWalk, storedAnswer } from './walk-factory';

// The order in which answers reach the store, and what each question shows meanwhile: the last
// thing the assessor chose is the last thing stored, and "Saved" appears only once the store has
// confirmed the latest answer for that question.

/** A store that answers when the test says so, recording what it was asked, in order. */
function heldStore() {
  const asked: { input: RecordAnswer; answer: (stored?: StoredAnswer) => void; refuse: (error: Error) => void }[] = [];
  const record = (input: RecordAnswer) =>
    new Promise<StoredAnswer>((resolve, reject) => {
      asked.push({ input, answer: (stored) => resolve(stored ?? { ...storedAnswer(`${input.itemId}@${input.areaId ?? 'ward'}`, input.value), note: input.note ?? null }), refuse: reject });
    });
  return { asked, record };
}

/** The saver with a held store, and a log of what the screen was told. */
function saverWithLog() {
  const store = heldStore();
  const shown: [string, SaveState['status'], AnswerDraft['value']][] = [];
  const saved: [string, StoredAnswer['value']][] = [];
  const states = new Map<string, SaveState>();
  const saver = createAnswerSaver({
    record: store.record,
    onState: (key, state) => {
      states.set(key, state);
      shown.push([key, state.status, state.draft.value]);
    },
    onSaved: (key, answer) => saved.push([key, answer.value]),
  });
  const walk = smallWalk();
  const save = (key: string, value: AnswerDraft['value'], note: string | null = null) => {
    const draft: AnswerDraft = { value, note, naReason: null };
    return saver.save(key, draft, recordInputFor('assessment-1', 'assessor-1', walk.byKey.get(key)!, draft));
  };
  return { store, shown, saved, states, save };
}

/** Lets the promise callbacks queued so far run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const Q10 = `Q10@${BEDROOM}`;
const S05 = `S05@${BEDROOM}`;

describe('saving answers in order', () => {
  it('shows "saving" at once, and "saved" only when the store has confirmed', async () => {
    const { store, shown, saved, save } = saverWithLog();
    const done = save(Q10, 'yes');
    expect(shown).toEqual([[Q10, 'saving', 'yes']]);
    await settle();
    expect(store.asked.map((a) => [a.input.itemId, a.input.value])).toEqual([['Q10', 'yes']]);
    expect(saved).toEqual([]);
    store.asked[0]!.answer();
    await done;
    expect(saved).toEqual([[Q10, 'yes']]);
    expect(shown.at(-1)).toEqual([Q10, 'saved', 'yes']);
  });

  it('sends a question’s next answer only after the store has answered the one before', async () => {
    const { store, save } = saverWithLog();
    const first = save(Q10, 'no');
    const second = save(Q10, 'yes');
    await settle();
    expect(store.asked.map((a) => a.input.value)).toEqual(['no']);
    store.asked[0]!.answer();
    await first;
    await settle();
    expect(store.asked.map((a) => a.input.value)).toEqual(['no', 'yes']);
    store.asked[1]!.answer();
    await second;
  });

  it('does not say "saved" for an older answer once a newer one was given, only for the newest', async () => {
    const { store, shown, saved, states, save } = saverWithLog();
    const first = save(Q10, 'no');
    const second = save(Q10, 'partial');
    await settle();
    store.asked[0]!.answer();
    await first;
    expect(saved).toEqual([]);
    expect(states.get(Q10)).toEqual({ status: 'saving', draft: { value: 'partial', note: null, naReason: null } });
    await settle();
    store.asked[1]!.answer();
    await second;
    expect(saved).toEqual([[Q10, 'partial']]);
    expect(shown).toEqual([
      [Q10, 'saving', 'no'],
      [Q10, 'saving', 'partial'],
      [Q10, 'saved', 'partial'],
    ]);
  });

  it('keeps the draft and the store’s reason when the latest save fails, and goes on with the next one', async () => {
    const { store, saved, states, save } = saverWithLog();
    const first = save(Q10, 'no', 'Door-top alarm missing');
    await settle();
    store.asked[0]!.refuse(new ApiError({ code: 'UNREACHABLE', message: 'The app’s local server did not answer.' }));
    await first;
    expect(states.get(Q10)).toEqual({ status: 'failed', draft: { value: 'no', note: 'Door-top alarm missing', naReason: null }, message: 'The app’s local server did not answer.' });
    expect(saved).toEqual([]);

    // "Try again" sends the same draft: the chain was not broken by the failure.
    const retry = save(Q10, 'no', 'Door-top alarm missing');
    expect(states.get(Q10)?.status).toBe('saving');
    await settle();
    expect(store.asked).toHaveLength(2);
    store.asked[1]!.answer();
    await retry;
    expect(states.get(Q10)?.status).toBe('saved');
    expect(saved).toEqual([[Q10, 'no']]);
  });

  it('does not show an older answer’s failure while a newer answer is on its way', async () => {
    const { store, states, save } = saverWithLog();
    const first = save(Q10, 'no');
    const second = save(Q10, 'yes');
    await settle();
    store.asked[0]!.refuse(new Error('disk full'));
    await first;
    expect(states.get(Q10)?.status).toBe('saving');
    await settle();
    store.asked[1]!.answer();
    await second;
    expect(states.get(Q10)).toMatchObject({ status: 'saved', draft: { value: 'yes' } });
  });

  it('saves different questions independently: one waiting does not hold up another', async () => {
    const { store, saved, save } = saverWithLog();
    const q10 = save(Q10, 'yes');
    const s05 = save(S05, 'no');
    await settle();
    expect(store.asked.map((a) => a.input.itemId)).toEqual(['Q10', 'S05']);
    store.asked[1]!.answer();
    await s05;
    expect(saved).toEqual([[S05, 'no']]);
    store.asked[0]!.answer();
    await q10;
    expect(saved).toEqual([
      [S05, 'no'],
      [Q10, 'yes'],
    ]);
  });
});

describe('what is sent for an answer', () => {
  const walk = smallWalk();

  it('names the item, the place and who answered, with the note', () => {
    expect(recordInputFor('assessment-1', 'assessor-2', walk.byKey.get('Q01@ward')!, { value: 'partial', note: 'Roof patched', naReason: 'left over' })).toEqual({
      assessmentId: 'assessment-1',
      itemId: 'Q01',
      areaId: null,
      value: 'partial',
      note: 'Roof patched',
      naReason: null,
      assessorId: 'assessor-2',
    });
  });

  it('sends the reason only with "does not apply"', () => {
    expect(recordInputFor('assessment-1', 'assessor-1', walk.byKey.get(S05)!, { value: 'na', note: null, naReason: 'No door in this room' })).toMatchObject({ areaId: BEDROOM, value: 'na', naReason: 'No door in this room' });
  });
});
