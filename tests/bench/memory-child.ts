import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exchangeJsonSchema } from '../../src/shared/exchange/schema';
import { londonDate } from '../../src/shared/dates';
import { compareNames } from '../../src/shared/names';
import { openCore } from './harness';

// Run by floor-import.bench.ts with --expose-gc, one process per measurement, and prints one
// number of MB:
//   parse FILE   the heap JSON.parse(FILE) takes, kept alive, after garbage collection;
//   import FILE  how far the process's resident memory rose at its peak while importing FILE into
//                a fresh database, over what it held with the file's text read and the store open.
//                The peak is the kernel's high-water mark (VmHWM), reset once the text is read
//                (/proc/self/clear_refs): the process's lifetime peak (maxRSS) would include
//                reading the file (its bytes and its decoded text at once) and could hide an
//                import that needs less than that.
//   import FILE built
//                the same, with what a process builds once whatever the file built before the
//                peak is reset, as it was at load until the schemas were built on first use: the
//                exchange file's schemas, and the time zone and collation data.

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const [mode, file, built] = process.argv.slice(2) as ['parse' | 'import', string, 'built' | undefined];
const mb = (bytes: number) => bytes / 2 ** 20;

/** A figure of /proc/self/status in bytes (Linux: the peak can be reset there, see above). */
function statusBytes(field: 'VmRSS' | 'VmHWM'): number {
  const line = fs.readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  if (!line) throw new Error(`/proc/self/status has no ${field}: this measurement needs Linux`);
  return Number(line.split(/\s+/)[1]) * 1024;
}

if (mode === 'parse') {
  const content = fs.readFileSync(file, 'utf8');
  gc();
  const before = process.memoryUsage().heapUsed;
  const parsed: unknown = JSON.parse(content);
  gc();
  const after = process.memoryUsage().heapUsed;
  if (parsed === null) throw new Error('empty');
  console.log(mb(after - before).toFixed(1));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mhea-bench-memory-'));
  const core = openCore(path.join(dir, 'collation.sqlite'));
  if (built) {
    exchangeJsonSchema(); // walks, and so builds, every schema of the exchange file
    compareNames('a', 'b');
    londonDate(new Date());
  }
  const content = fs.readFileSync(file, 'utf8');
  gc();
  fs.writeFileSync('/proc/self/clear_refs', '5');
  const before = statusBytes('VmRSS');
  const result = core.dispatch('exchange.import', { fileName: path.basename(file), content });
  void Promise.resolve(result).then((r) => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const peak = statusBytes('VmHWM');
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(mb(peak - before).toFixed(1));
  });
}
