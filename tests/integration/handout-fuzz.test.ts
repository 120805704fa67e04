import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerAll } from '../helpers/assessments';
import { HEAVY_TEST_MS } from '../helpers/budgets';
import { createTestCore, type TestCore } from '../helpers/core';
import { dumpStore } from '../helpers/exchange';
import { ONE_PIXEL_PNG, answer, handOut, takeAssessment, wardInItsSecondRound } from '../helpers/merge';
import { mutate, mutation, paths, uuidsIn, type Ids, type Json } from '../helpers/mutate-json';

// Hostile hand-out files, treated as returns are (tests/integration/exchange-fuzz.test.ts): an
// assessment file with its previous round and a photo, mutated anywhere (values changed, removed,
// added, one record's id put in place of another's, half a character, the text cut short), most of
// them digested again, and thrown at three devices: one that never had the assessment, one that has
// a draft of it with work of its own, and the board that handed it out. Nothing may escape as an
// exception or an internal error, every refusal must say what is wrong, and a refused file must
// leave the store as it was.

describe('hand-out files under fuzzing', () => {
  it('never throw, always explain a refusal, and never write on a refusal', { timeout: HEAVY_TEST_MS }, () => {
    const board = createTestCore();
    const { round } = wardInItsSecondRound(board);
    answerAll(board, round.id);
    const given = answer(board, round.id, 'Q01', null, 'D');
    board.call('photos.add', { assessmentId: round.id, answerId: given.id, fileName: 'roof.png', mimeType: 'image/png', dataBase64: ONE_PIXEL_PNG, caption: 'Roof', assessorId: round.assessors[0]!.id });
    const file = handOut(board, round.id);
    const original = JSON.parse(file.content) as Json;
    const all = paths(original);

    const fresh = createTestCore();
    const laptop = createTestCore();
    takeAssessment(laptop, file);
    const own = answer(laptop, round.id, 'Q04', null, 'C');
    // An id may be swapped for another record's in the file, or for the laptop's own answer.
    const ids: Ids = { mine: uuidsIn(file.content), theirs: [...uuidsIn(file.content), own.id] };
    const targets: TestCore[] = [fresh, laptop, board];
    const writes = (core: TestCore) => (core.store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const baselines = targets.map((core) => ({ dump: dumpStore(core), writes: writes(core) }));

    let runs = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutation, fc.nat(2), (m, target) => {
        runs += 1;
        const core = targets[target]!;
        const content = mutate(original, file.content, all, m, ids);
        const result = core.raw('handouts.import', { fileName: 'fuzzed.json', content });
        if (m.kind === 'surrogate') expect(result.ok).toBe(false);
        if (result.ok) {
          // A mutation can leave a valid file (a renamed area with a fresh digest): then it is taken.
          baselines[target] = { dump: dumpStore(core), writes: writes(core) };
          return;
        }
        refused += 1;
        expect(result.error.code, result.error.message).not.toBe('INTERNAL');
        // A raw half character is refused by the router, for the field that carries it, before the file is read.
        expect(result.error.message).toMatch(m.kind === 'surrogate' && m.raw ? /\(content: contains a broken character/ : /^fuzzed\.json( \(previous round\))?: \S.{5,}/);
        const changes = writes(core);
        if (changes !== baselines[target]!.writes) expect(dumpStore(core)).toBe(baselines[target]!.dump);
        baselines[target]!.writes = changes;
      }),
      { numRuns: 1_500, interruptAfterTimeLimit: 12_000, markInterruptAsFailure: false, seed: 20261124 },
    );
    expect(runs).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(runs / 2);
    console.log(`hand-out fuzz: ${runs} mutated files, ${refused} refused, ${runs - refused} accepted`);
  });
});
