import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { readTransaction } from '../../../src/core/db/transactions';
import { estateDocument } from '../../../src/core/services/reports/estate-document';
import { readEstateReport } from '../../../src/core/services/reports/read';
import { buildEstateReport } from '../../../src/shared/reports';
import type { Benchmark } from '../harness';
import { BENCH_NOW, nationalDatabase, openCore } from '../harness';
import { boardWithWardsNearest, must } from '../draft';

// Goal: a board's consolidated estate report (reports.board: read, laid out, rendered) within
// 1.1× of pdfmake rendering the same document definition with the same fonts.

const WARDS = 40;
const ROUND = '2026/27';

const bench: Benchmark = {
  name: 'floor',
  async setup() {
    const core = openCore(nationalDatabase());
    const { boardId, wards } = boardWithWardsNearest(core, WARDS);
    const first = await must(core, 'reports.board', { boardId, round: ROUND });
    // The definition the service renders, built afresh for each floor run (pdfmake may change it as it lays it out).
    const definition = (): TDocumentDefinitions => {
      const input = readTransaction(core.store.db, (tx) =>
        readEstateReport(tx, { kind: 'board', boardId }, ROUND, false, { generatedAt: BENCH_NOW().toISOString(), app: { name: 'bench', version: '0' } }),
      );
      return estateDocument(buildEstateReport(input));
    };
    let prepared: TDocumentDefinitions | null = null;
    return {
      figures: [
        {
          label: `board PDF (${wards} wards, round ${ROUND}, ${first.pageCount} pages)`,
          goal: 1.1,
          // pdfmake's own CPU spreads by ±10% from run to run on this machine: a median of 7
          // alternating runs read anywhere from 1.07× to 1.17× on the same code, which cannot tell a
          // 1.1× goal met or not; a median of 21 reads 1.06–1.08×, as reading and laying out
          // (about 60 ms against about 1.5 s of rendering) would lead one to expect.
          runs: 21,
          warmup: 1,
          project: { label: 'reports.board through the router: read, lay out, render', run: () => must(core, 'reports.board', { boardId, round: ROUND }) },
          floor: {
            label: 'pdfmake.createPdf(the same definition).getBuffer(), the same fonts',
            // pdfmake's fonts and access policies are the ones the service set (the first run is the project's).
            before: () => {
              prepared = definition();
            },
            run: () => pdfmake.createPdf(prepared!).getBuffer(),
          },
        },
      ],
      close: () => core.close(),
    };
  },
};
export default bench;
