import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KEY_HEADER, startWebServer } from '../../../src/web/server';
import type { Benchmark } from '../harness';
import { copyOfNational, openCore, removeCopy } from '../harness';
import { draftOnLargestWard } from '../draft';

// One answer recorded through the real HTTP door (loopback, Host/Origin checks, JSON body),
// as the browser build records it, on a copy of the national database.

const bench: Benchmark = {
  name: 'answer',
  async setup() {
    const file = copyOfNational();
    const core = openCore(file, 'http');
    const { answerFor, instances, ward } = await draftOnLargestWard(core);
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-bench-ui-'));
    const server = await startWebServer({ dispatch: core.dispatch, rendererDir, port: 0 });
    const url = `${server.origin}rpc/answers.record`;
    return {
      figures: [
        {
          label: `record one answer, HTTP door (${ward.bedCount}-bed ward, ${instances} items)`,
          runs: 1000,
          warmup: 50,
          run: async (i) => {
            const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', [KEY_HEADER]: server.key }, body: JSON.stringify(answerFor(i)) });
            const result = (await response.json()) as { ok: boolean; error?: unknown };
            if (!result.ok) throw new Error(`answers.record failed: ${JSON.stringify(result.error)}`);
          },
        },
      ],
      close: async () => {
        await server.close();
        core.close();
        removeCopy(file);
        fs.rmSync(rendererDir, { recursive: true, force: true });
      },
    };
  },
};
export default bench;
