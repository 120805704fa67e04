import type Database from 'better-sqlite3';
import { SMALL_WARD, largeWardAreas } from '../../helpers/walkthrough';
import type { Benchmark } from '../harness';
import { BENCH_NOW, copyOfNational, openCore, removeCopy } from '../harness';
import { draftOnLargestWard, draftOnNewWard, must } from '../draft';
import type { Input } from '../../../src/shared/contract';

// Goals: recording an answer (answers.record through the router, as the desktop app records it:
// zod, the service's checks, the writes, the commit) within 2× of its floor at the median, and
// flat in ward size (a ward of 100 areas within 10% of one of 5).
//
// The floor is what a save must write, on the same connection of the same national database: one
// BEGIN IMMEDIATE transaction holding one prepared upsert of the answer row and one prepared
// insert of its audit row (with the answer before and after, as the service records it).

type Answer = Input<'answers.record'>;

function plainSave(sqlite: Database.Database, actor: string) {
  const upsert = sqlite.prepare(
    `INSERT INTO answers (id, assessment_id, item_id, area_id, value, na_reason, note, assessor_id, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET value = excluded.value, na_reason = excluded.na_reason, note = excluded.note, assessor_id = excluded.assessor_id, answered_at = excluded.answered_at`,
  );
  const audit = sqlite.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const known = new Map<string, object>();
  const save = sqlite.transaction((input: Answer) => {
    const id = `${input.assessmentId}:${input.itemId}:${input.areaId ?? 'ward'}`;
    const at = BENCH_NOW().toISOString();
    const row = { id, itemId: input.itemId, areaId: input.areaId, value: input.value, naReason: null, note: input.note ?? null, assessorId: input.assessorId, answeredAt: at };
    upsert.run(id, input.assessmentId, input.itemId, input.areaId, JSON.stringify(input.value), null, input.note ?? null, input.assessorId, at);
    const before = known.get(id);
    audit.run(at, actor, before ? 'update' : 'create', 'answer', id, before ? JSON.stringify(before) : null, JSON.stringify(row));
    known.set(id, row);
  });
  return (input: Answer) => save.immediate(input);
}

const bench: Benchmark = {
  name: 'floor',
  async setup() {
    const file = copyOfNational();
    const core = openCore(file);
    const largest = await draftOnLargestWard(core);
    const small = await draftOnNewWard(core, 'Bench ward of 5 areas', SMALL_WARD);
    const large = await draftOnNewWard(core, 'Bench ward of 100 areas', largeWardAreas(45));
    // Every question answered once, so each timed save replaces an answer (as most saves of a walk past its first pass do).
    for (const draft of [largest, small, large]) for (let i = 0; i < draft.instances; i++) await must(core, 'answers.record', draft.answerFor(i));
    const floorSave = plainSave(core.store.sqlite, 'bench');
    return {
      figures: [
        {
          label: `record an answer, largest national ward (${largest.ward.bedCount} beds, ${largest.areas} areas, ${largest.instances} items)`,
          goal: 2,
          runs: 2000,
          warmup: 200,
          project: { label: 'answers.record through the router', run: (i) => must(core, 'answers.record', largest.answerFor(largest.instances + i)) },
          floor: { label: 'BEGIN IMMEDIATE; prepared upsert of the answer; prepared insert of its audit row; COMMIT', run: (i) => floorSave(largest.answerFor(largest.instances + i)) },
        },
        {
          label: `record an answer: flat in ward size (${large.areas} areas, ${large.instances} items against ${small.areas} areas, ${small.instances} items)`,
          goal: 1.1,
          runs: 2000,
          warmup: 200,
          project: { label: `answers.record, ward of ${large.areas} areas`, run: (i) => must(core, 'answers.record', large.answerFor(large.instances + i)) },
          floor: { label: `answers.record, ward of ${small.areas} areas`, run: (i) => must(core, 'answers.record', small.answerFor(small.instances + i)) },
        },
      ],
      close: () => {
        core.close();
        removeCopy(file);
      },
    };
  },
};
export default bench;
