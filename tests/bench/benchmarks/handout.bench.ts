import fs from 'node:fs';
import path from 'node:path';
import { goodValue, instancesOf } from '../../helpers/assessments';
import { createTestCore, tempDir, type TestCore } from '../../helpers/core';
import { largeWardAreas, wardWithAssessment } from '../../helpers/walkthrough';
import type { Benchmark } from '../harness';
import { must } from '../draft';

// A team on a large ward (45 bedrooms with en-suites and ten shared rooms, about 1,580 item
// instances, every one answered): writing the hand-out file, taking it on a new device, merging a
// bring-back in which the other device changed half the answers (a tenth of them also changed here,
// differently: conflicts), the live scores while those conflicts wait, and saving an answer on the
// shared assessment (the walkthrough path, which the merge does not touch).

const bench: Benchmark = {
  name: 'handout',
  async setup() {
    const dir = tempDir('mhea-bench-handout-');
    const board = createTestCore({ file: path.join(dir, 'board.sqlite') });
    const { assessment, assessorId } = wardWithAssessment(board, largeWardAreas(45), { bedCount: 45 });
    const instances = instancesOf(board, assessment);
    for (const { item, areaId } of instances) board.call('answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), assessorId });
    const handout = board.call('handouts.exportAssessment', { assessmentId: assessment.id, includePhotos: true });

    const laptop = createTestCore({ file: path.join(dir, 'laptop.sqlite') });
    laptop.call('handouts.import', handout);
    const changed = instances.filter((_, i) => i % 2 === 0);
    for (const { item, areaId } of changed) laptop.call('answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), note: 'Checked again on the laptop', assessorId });
    for (const { item, areaId } of changed.filter((_, i) => i % 10 === 0)) board.call('answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), note: 'Seen differently on the board', assessorId });
    const bringBack = laptop.call('handouts.exportAssessment', { assessmentId: assessment.id, includePhotos: true });
    board.call('handouts.exportAssessment', { assessmentId: assessment.id, includePhotos: true });
    const baseline = path.join(dir, 'board-before-merge.sqlite');
    board.store.sqlite.exec(`VACUUM INTO '${baseline}'`);

    // Each run takes the file on its own database: an empty one, or a copy of the board before the merge.
    let target: TestCore | undefined;
    let copies = 0;
    const fresh = (from?: string) => {
      target?.close();
      const copy = path.join(dir, `copy-${(copies += 1)}.sqlite`);
      if (from) fs.copyFileSync(from, copy);
      target = createTestCore({ file: copy });
    };
    const withConflicts = createTestCore({ file: path.join(dir, 'conflicts.sqlite') });
    withConflicts.call('handouts.import', handout);
    const size = `${assessment.areas.length} areas, ${instances.length} answers, ${(Buffer.byteLength(handout.content) / 2 ** 20).toFixed(1)} MB file`;
    withConflicts.call('handouts.import', bringBack);
    for (const { item, areaId } of changed.filter((_, i) => i % 10 === 0)) withConflicts.call('answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), note: 'A third opinion', assessorId });
    withConflicts.call('handouts.import', { ...board.call('handouts.exportAssessment', { assessmentId: assessment.id, includePhotos: true }), fileName: 'board.json' });
    const conflicts = withConflicts.call('merge.status', { assessmentId: assessment.id }).conflicts;

    return {
      figures: [
        { label: `write the hand-out file (${size})`, runs: 15, warmup: 2, run: () => must(board, 'handouts.exportAssessment', { assessmentId: assessment.id, includePhotos: true }) },
        { label: `take it on a new device (${instances.length} answers)`, runs: 10, warmup: 1, before: () => fresh(), run: () => must(target!, 'handouts.import', handout) },
        {
          label: `merge a bring-back: ${changed.length} answers changed there, ${Math.ceil(changed.length / 10)} of them also here`,
          runs: 10,
          warmup: 1,
          before: () => fresh(baseline),
          run: () => must(target!, 'handouts.import', bringBack),
        },
        { label: `live scores with ${conflicts} conflicts waiting (provisional)`, runs: 100, warmup: 10, run: () => must(withConflicts, 'assessments.score', { id: assessment.id }) },
        {
          label: 'record one answer on the shared assessment',
          runs: 1000,
          warmup: 50,
          run: (i) => {
            const { item, areaId } = instances[i % instances.length]!;
            return must(withConflicts, 'answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), note: `pass ${i}`, assessorId });
          },
        },
      ],
      close: () => {
        target?.close();
        board.close();
        laptop.close();
        withConflicts.close();
      },
    };
  },
};

export default bench;
