import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSaves } from '../../src/renderer/src/features/assessments/walk/answer-saves';
import { assessmentKeys, readAnswers, type AnswersByKey } from '../../src/renderer/src/features/assessments/assessment-queries';
import { instanceKeyOf } from '../../src/renderer/src/features/assessments/walk/model';
import type { BridgeApi } from '../../src/shared/bridge';
import type { Result } from '../../src/shared/result';
import { createTestCore, type TestCore } from '../helpers/core';
import { SMALL_WARD, wardWithAssessment } from '../helpers/walkthrough';

// The walkthrough's saves, in Node: the renderer's own save tracker and query cache, talking to a
// real core through the same bridge the Electron preload gives the renderer. Each call can be held
// back, to play the network's delays in a chosen order, or refused, as an unreachable server is.

let core: TestCore;
const held: { operation: string; release: () => void }[] = [];
let holdNext = 0;
let refuseNext = 0;

const bridge: BridgeApi = {
  async invoke(operation, input) {
    if (refuseNext > 0) {
      refuseNext -= 1;
      return { ok: false, error: { code: 'UNREACHABLE', message: 'The app’s local server did not answer.', fields: [] } } as unknown as Result<unknown>;
    }
    if (holdNext > 0) {
      holdNext -= 1;
      await new Promise<void>((release) => held.push({ operation, release }));
    }
    return core.dispatch(operation, input);
  },
};

beforeAll(() => {
  core = createTestCore();
  (globalThis as { window?: unknown }).window = { bridge };
});
afterAll(() => {
  delete (globalThis as { window?: unknown }).window;
  core.close();
});

function setUp() {
  const { assessment, assessorId } = wardWithAssessment(core, SMALL_WARD, { name: `Ward ${Math.random()}` });
  const client = new QueryClient();
  const bedroom = assessment.areas.find((a) => a.type === 'bedroom')!.areaId;
  const target = (itemId: string) => ({ key: instanceKeyOf(itemId, bedroom), item: { id: itemId }, areaId: bedroom });
  return { assessment, assessorId, client, saves: new AnswerSaves(client, assessment.id), target };
}

const draft = (value: 'yes' | 'partial' | 'no') => ({ value, note: null, naReason: null });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('saving answers from the walkthrough', () => {
  it('keeps saves of one question in order: the last choice is the one stored, and only its save says it is done', async () => {
    const { assessment, assessorId, client, saves, target } = setUp();
    const s05 = target('S05');
    client.setQueryData(assessmentKeys.answers(assessment.id), await readAnswers(assessment.id));
    holdNext = 1;
    const first = saves.save(s05, draft('no'), assessorId);
    const second = saves.save(s05, draft('yes'), assessorId);
    expect(saves.entry(s05.key)).toMatchObject({ status: 'pending', draft: { value: 'yes' } });
    // The first is held on the way; the second waits behind it instead of overtaking it.
    await until(() => held.length === 1);
    expect(core.call('answers.list', { assessmentId: assessment.id })).toEqual([]);
    held.shift()!.release();
    expect(await first).toBeNull();
    const stored = await second;
    expect(stored?.value).toBe('yes');
    expect(core.call('answers.list', { assessmentId: assessment.id }).map((a) => a.value)).toEqual(['yes']);
    // The cache holds the store's answer for that question, written in place: nothing re-read.
    expect(client.getQueryData<AnswersByKey>(assessmentKeys.answers(assessment.id))?.[s05.key]?.value).toBe('yes');
    expect(saves.entry(s05.key)).toBeUndefined();
  });

  it('does not hold one question’s save behind another’s', async () => {
    const { assessorId, saves, target } = setUp();
    holdNext = 1;
    const slow = saves.save(target('S05'), draft('no'), assessorId);
    await until(() => held.length === 1);
    const quick = await saves.save(target('S06'), draft('yes'), assessorId);
    expect(quick?.value).toBe('yes');
    held.shift()!.release();
    expect((await slow)?.value).toBe('no');
  });

  it('keeps a refused save on screen with its reason, lists it wherever it is, and sends it again on retry', async () => {
    const { assessment, assessorId, saves, target } = setUp();
    const s05 = target('S05');
    let notified = 0;
    const stop = saves.subscribeFailed(() => (notified += 1));
    refuseNext = 1;
    expect(await saves.save(s05, draft('partial'), assessorId)).toBeNull();
    expect(saves.entry(s05.key)).toEqual({ status: 'error', draft: draft('partial'), message: 'The app’s local server did not answer.' });
    expect(saves.failedKeys()).toEqual([s05.key]);
    expect(notified).toBe(1);
    expect(core.call('answers.list', { assessmentId: assessment.id })).toEqual([]);
    const retried = await saves.retry(s05, assessorId);
    expect(retried?.value).toBe('partial');
    expect(saves.failedKeys()).toEqual([]);
    expect(saves.entry(s05.key)).toBeUndefined();
    expect(notified).toBe(2);
    stop();
  });

  it('does not show an older save’s refusal while a newer answer to the question is on its way', async () => {
    const { assessment, assessorId, saves, target } = setUp();
    const s05 = target('S05');
    refuseNext = 1;
    holdNext = 1;
    const first = saves.save(s05, draft('no'), assessorId);
    const second = saves.save(s05, draft('yes'), assessorId);
    expect(await first).toBeNull();
    // The newer answer is held on the way: the question says it is saving, not that it failed.
    await until(() => held.length === 1);
    expect(saves.entry(s05.key)).toMatchObject({ status: 'pending', draft: { value: 'yes' } });
    expect(saves.failedKeys()).toEqual([]);
    held.shift()!.release();
    expect((await second)?.value).toBe('yes');
    expect(core.call('answers.list', { assessmentId: assessment.id }).map((a) => a.value)).toEqual(['yes']);
  });

  it('sends the reason typed for "not applicable" only with that answer', async () => {
    const { assessorId, saves, target } = setUp();
    const stored = await saves.save(target('S05'), { value: 'yes', note: 'Checked with the charge nurse', naReason: 'Typed, then changed their mind' }, assessorId);
    expect(stored).toMatchObject({ itemId: 'S05', value: 'yes', naReason: null, note: 'Checked with the charge nurse', assessorId });
  });

  it('reads the live scores again once saves pause, not after each one', async () => {
    const { assessment, assessorId, client, saves, target } = setUp();
    client.setQueryData(assessmentKeys.score(assessment.id), { stale: false });
    for (const itemId of ['S05', 'S06']) await saves.save(target(itemId), draft('yes'), assessorId);
    expect(client.getQueryState(assessmentKeys.score(assessment.id))?.isInvalidated).toBe(false);
    await until(() => client.getQueryState(assessmentKeys.score(assessment.id))?.isInvalidated === true);
  });
});
