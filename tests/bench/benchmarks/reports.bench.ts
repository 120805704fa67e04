import type { Benchmark } from '../harness';
import { nationalDatabase, openCore } from '../harness';
import { boardWithWardsNearest, must } from '../draft';

// A board's consolidated estate report (reports.board: read, laid out and rendered to PDF) for a
// board of 40 wards on the national database, latest round. Target: under 5 s.

const WARDS = 40;

const bench: Benchmark = {
  name: 'reports',
  async setup() {
    const core = openCore(nationalDatabase());
    const { boardId, wards } = boardWithWardsNearest(core, WARDS);
    const board = (await must(core, 'boards.list', {})).find((b) => b.id === boardId)!;
    const first = await must(core, 'reports.board', { boardId, round: '2026/27' });
    const size = Buffer.from(first.pdfBase64, 'base64').length;
    return {
      figures: [
        {
          label: `board PDF, ${board.name} (${wards} wards, round 2026/27, ${first.pageCount} pages, ${(size / 1024).toFixed(0)} KB)`,
          runs: 7,
          warmup: 1,
          run: () => must(core, 'reports.board', { boardId, round: '2026/27' }),
        },
      ],
      close: () => core.close(),
    };
  },
};
export default bench;
