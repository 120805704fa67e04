import type { Benchmark } from '../harness';
import { copyOfNational, openCore, removeCopy } from '../harness';
import { draftOnLargestWard, must } from '../draft';

// One answer recorded as the desktop app records it: router (zod) → service → SQLite commit,
// on a copy of the national database. Target: under 5 ms at p95.

const bench: Benchmark = {
  name: 'answer',
  async setup() {
    const file = copyOfNational();
    const core = openCore(file);
    const { answerFor, instances, ward } = await draftOnLargestWard(core);
    return {
      figures: [
        {
          label: `record one answer, service layer (${ward.bedCount}-bed ward, ${instances} items)`,
          runs: 2000,
          warmup: 100,
          run: (i) => must(core, 'answers.record', answerFor(i)),
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
