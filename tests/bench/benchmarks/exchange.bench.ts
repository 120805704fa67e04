import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../../src/core';
import { serialiseReturn } from '../../../src/shared/exchange/serialise';
import { nationalReturns, ROUND } from '../returns';
import type { Benchmark } from '../harness';
import { nationalDatabase, openCore } from '../harness';
import { must } from '../draft';

// Board returns on the national database: exporting one board's return (exchange.export and the
// JSON written to the file), and collation: the 14 boards' returns imported into a fresh database
// (exchange.import checks each file completely — schema, digest, templates, every score
// recomputed — then writes it in one transaction). Target: 14 returns imported and verified in
// under 10 s.

const bench: Benchmark = {
  name: 'exchange',
  async setup() {
    const core = openCore(nationalDatabase());
    const boards = await must(core, 'boards.list', {});
    const largest = boards.find((b) => b.name.includes('Glasgow')) ?? boards[0]!;
    const { returns, megabytes } = await nationalReturns(core);
    const largestSize = Buffer.byteLength(returns[boards.indexOf(largest)]!.content) / 2 ** 20;
    const assessments = core.store.sqlite.prepare("SELECT count(*) FROM assessments WHERE status = 'signed_off' AND round = ?").pluck().get(ROUND) as number;

    let dir = '';
    let fresh: Core | undefined;
    const closeFresh = () => {
      fresh?.close();
      fresh = undefined;
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    };
    return {
      figures: [
        {
          label: `export one board's return (${largest.name}, round ${ROUND}, ${largestSize.toFixed(1)} MB JSON)`,
          runs: 7,
          warmup: 1,
          run: async () => serialiseReturn(await must(core, 'exchange.export', { boardId: largest.id, includePhotos: false, includeDrafts: false, round: ROUND })),
        },
        {
          label: `verify 14 returns (exchange.verify, round ${ROUND}, ${assessments} assessments, ${megabytes.toFixed(0)} MB)`,
          runs: 3,
          warmup: 1,
          run: async () => {
            for (const file of returns) {
              const report = await must(core, 'exchange.verify', file);
              if (!report.ok) throw new Error(`${file.fileName}: ${report.problem}`);
            }
          },
        },
        {
          label: `import and verify 14 returns into a fresh database (exchange.import, round ${ROUND})`,
          runs: 3,
          warmup: 0,
          before: () => {
            closeFresh();
            dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-bench-import-'));
            fresh = openCore(path.join(dir, 'collation.sqlite'));
          },
          run: async () => {
            for (const file of returns) {
              const report = await must(fresh!, 'exchange.import', file);
              if (report.status !== 'imported') throw new Error(`${file.fileName}: ${report.status}`);
            }
          },
        },
      ],
      close: () => {
        closeFresh();
        core.close();
      },
    };
  },
};
export default bench;
