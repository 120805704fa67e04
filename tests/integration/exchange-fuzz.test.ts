import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialiseReturn } from '../../src/shared/exchange';
import { createTestCore } from '../helpers/core';
import { assessWard, dumpStore, sampleBoard } from '../helpers/exchange';
import { HEAVY_TEST_MS } from '../helpers/budgets';
import { mutate, mutation, paths, uuidsIn, type Ids, type Json } from '../helpers/mutate-json';

// Mutated returns thrown at import (tests/helpers/mutate-json.ts): values changed, removed or added
// anywhere in the document, the text cut short, another board's ids put in place of the file's, or
// half a character; most with the digest recomputed, so the mutation reaches the checks behind it.
// Whatever happens, nothing may escape as an exception or an internal error, every refusal must say
// what is wrong, and a refused file must leave the store as it was.

/** A board's register and assessments as they stand (ids, names, parents), to compare. */
function dumpBoard(core: ReturnType<typeof createTestCore>, boardId: string): string {
  const rows = core.store.sqlite
    .prepare(
      `SELECT s.id, s.name, s.board_id, w.id, w.name, w.site_id, a.id, a.name, a.ward_id FROM sites s
       LEFT JOIN wards w ON w.site_id = s.id LEFT JOIN areas a ON a.ward_id = w.id WHERE s.board_id = ? ORDER BY s.id, w.id, a.id`,
    )
    .raw()
    .all(boardId);
  const assessments = core.store.sqlite.prepare('SELECT a.id, a.ward_id, (SELECT count(*) FROM ligature_points p WHERE p.assessment_id = a.id) FROM assessments a JOIN wards w ON w.id = a.ward_id JOIN sites s ON s.id = w.site_id WHERE s.board_id = ? ORDER BY a.id').raw().all(boardId);
  return JSON.stringify([rows, assessments]);
}

describe('import under fuzzing', () => {
  it('never throws, always explains a refusal, and never writes on a refusal', { timeout: HEAVY_TEST_MS }, () => {
    const source = createTestCore();
    const board = source.call('boards.create', { name: 'NHS Fuzz' });
    const site = source.call('sites.create', { boardId: board.id, name: 'Fuzz Site' });
    const ward = source.call('wards.create', { siteId: site.id, name: 'Fuzz Ward', type: 'rehabilitation', bedCount: 10, sexDesignation: 'mixed' });
    source.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    assessWard(source, ward.id);
    const original = source.call('exchange.export', { boardId: board.id }) as unknown as Json;
    const text = serialiseReturn(original);
    const all = paths(original);

    // Another board's return is already here: no fuzzed file may move or rename its records.
    const other = createTestCore();
    const { board: otherBoard } = sampleBoard(other, 'NHS Fuzz Neighbour');
    const otherText = serialiseReturn(other.call('exchange.export', { boardId: otherBoard.id }));
    other.close();
    const ids: Ids = { mine: uuidsIn(text), theirs: uuidsIn(otherText) };

    const collator = createTestCore();
    collator.call('exchange.import', { fileName: 'other.json', content: otherText });
    const neighbour = () => dumpBoard(collator, otherBoard.id);
    const neighbourBefore = neighbour();
    collator.call('exchange.import', { fileName: 'fuzz.json', content: text });
    let baseline = dumpStore(collator);
    const writes = () => (collator.store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    let writesBefore = writes();
    let runs = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        runs += 1;
        const content = mutate(original, text, all, m, ids);
        const result = collator.raw('exchange.import', { fileName: 'fuzzed.json', content });
        expect(neighbour()).toBe(neighbourBefore);
        if (m.kind === 'surrogate') expect(result.ok).toBe(false);
        if (result.ok) {
          // A mutation can leave a valid return (e.g. a renamed site with a fresh digest): then it is imported.
          baseline = dumpStore(collator);
          writesBefore = writes();
          return;
        }
        refused += 1;
        expect(result.error.code).not.toBe('INTERNAL');
        // A raw half character is refused by the router, for the field that carries it, before the file is read.
        expect(result.error.message).toMatch(m.kind === 'surrogate' && m.raw ? /\(content: contains a broken character/ : /^fuzzed\.json: \S.{5,}/);
        // Nothing executed a write on this connection (a cheap, exact test), or else the store's
        // whole content is compared (a write was made and must have been rolled back).
        const changes = writes();
        if (changes !== writesBefore) expect(dumpStore(collator)).toBe(baseline);
        writesBefore = changes;
      }),
      { numRuns: 2_000, interruptAfterTimeLimit: 10_000, markInterruptAsFailure: false, seed: 20261123 },
    );
    expect(runs).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(runs / 2);
    console.log(`exchange fuzz: ${runs} mutated files, ${refused} refused, ${runs - refused} accepted`);
  });
});
