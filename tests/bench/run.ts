import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nationalDatabase, timeFigure, type Benchmark, type FigureResult } from './harness';

// `npm run bench [-- name …]`: runs every benchmark file in tests/bench/benchmarks/ (or the ones
// named), each in its own Node process so its peak memory is its own, and prints one line per
// figure. A new benchmark is one more file in that folder. Not part of `npm test`.

const BENCH_DIR = path.join(__dirname, 'benchmarks');

function line(name: string, r: FigureResult & { maxRssMb: number }): string {
  const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0)).padStart(7);
  return (
    `${`${name}: ${r.label}`.padEnd(86)} median ${ms(r.medianMs)} ms  p95 ${ms(r.p95Ms)} ms  ` +
    `(CPU median ${ms(r.cpuMedianMs)} ms  p95 ${ms(r.cpuP95Ms)} ms; ${r.runs} runs)  peak RSS ${r.peakRssMb.toFixed(0)} MB (process max ${r.maxRssMb.toFixed(0)} MB)`
  );
}

/** In the child: run one benchmark file and print its results as one JSON line. */
async function runOne(file: string): Promise<void> {
  const bench = ((await import(file)) as { default: Benchmark }).default;
  const { figures, close } = await bench.setup();
  const results: FigureResult[] = [];
  try {
    for (const figure of figures) results.push(await timeFigure(figure));
  } finally {
    await close();
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ name: bench.name, results, maxRssMb })}\n`);
}

async function main(): Promise<void> {
  const child = process.argv[2] === '--child' ? process.argv[3] : undefined;
  if (child) return runOne(child);
  const wanted = process.argv.slice(2);
  const files = fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
    .sort();
  nationalDatabase();
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM · load average ${load}`);
  let failed = false;
  for (const file of files) {
    const output = await new Promise<string>((resolve, reject) => {
      const proc = spawn(process.execPath, [...process.execArgv, __filename, '--child', path.join(BENCH_DIR, file)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      proc.on('error', reject);
      proc.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${file} exited with ${code}`))));
    }).catch((error: unknown) => {
      failed = true;
      console.error(error instanceof Error ? error.message : error);
      return '';
    });
    const last = output.trim().split('\n').pop();
    if (!last) continue;
    const { name, results, maxRssMb } = JSON.parse(last) as { name: string; results: FigureResult[]; maxRssMb: number };
    for (const r of results) console.log(line(name, { ...r, maxRssMb }));
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
