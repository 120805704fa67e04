import type { Benchmark } from '../harness';
import { copyOfNational, nationalDatabase, openCore, removeCopy } from '../harness';
import { must } from '../draft';

// The compare screen's data (compare.data) on the national database: the nation (each ward's
// latest round, signed off, the results kept at sign-off), the nation for an earlier round, one
// board, and the worst case where no result was kept (signed off by a release older than the
// score cache: every ward scored live). Target: compare data under 300 ms.

const bench: Benchmark = {
  name: 'compare',
  async setup() {
    const core = openCore(nationalDatabase());
    const boards = await must(core, 'boards.list', {});
    const board = boards.find((b) => b.name.includes('Glasgow')) ?? boards[0]!;
    // A private copy with no kept results, so all are scored live.
    const staleFile = copyOfNational();
    const stale = openCore(staleFile);
    stale.store.sqlite.prepare('DELETE FROM assessment_scores').run();
    const nation = await must(core, 'compare.data', { level: 'nation' });
    return {
      figures: [
        { label: `compare data, nation, latest round (${nation.total.wardCount} wards, cached scores)`, runs: 30, warmup: 3, run: () => must(core, 'compare.data', { level: 'nation' }) },
        { label: 'compare data, nation, round 2025/26 (cached scores)', runs: 30, warmup: 3, run: () => must(core, 'compare.data', { level: 'nation', round: '2025/26' }) },
        { label: `compare data, one board (${board.name}, the largest)`, runs: 30, warmup: 3, run: () => must(core, 'compare.data', { level: 'board', id: board.id }) },
        { label: 'compare data, nation, no usable cache (every ward scored live)', runs: 7, warmup: 1, run: () => must(stale, 'compare.data', { level: 'nation' }) },
      ],
      close: () => {
        core.close();
        stale.close();
        removeCopy(staleFile);
      },
    };
  },
};
export default bench;
