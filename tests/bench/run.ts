import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { APP_ROOT } from '../helpers/core';
import { BUILD_DIR, nationalDatabase, type AnyResult, type ComparisonResult, type FigureResult, type MeasurementResult } from './harness';

// `npm run bench [-- name …]`: runs every benchmark file in tests/bench/benchmarks/ (or the ones
// named), each in its own Node process so its peak memory is its own, and prints one line per
// figure. A new benchmark is one more file in that folder. Not part of `npm test`.
//
// The benchmarks run the app's code as it ships: bundled (as electron-vite bundles the desktop
// app and the web door) and run by plain Node, not through tsx, whose transform on the fly gives
// every import a getter and names every function it makes (a quarter more CPU in the scoring
// engine). The bundles go to .bench-cache/build/, two folders below the app, so each module's
// `__dirname`-relative paths still reach the app's folder.

const BENCH_DIR = path.join(APP_ROOT, 'tests', 'bench', 'benchmarks');

async function bundle(files: string[]): Promise<void> {
  const entry = (name: string, file: string) => [name, path.join(APP_ROOT, 'tests', 'bench', file)];
  await build({
    configFile: false,
    root: APP_ROOT,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: BUILD_DIR,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: {
        input: Object.fromEntries([entry('child', 'child.ts'), entry('memory-child', 'memory-child.ts'), ...files.map((f) => entry(f.replace(/\.ts$/, ''), path.join('benchmarks', f)))]),
        output: { format: 'cjs', exports: 'named', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
      },
    },
  });
}

const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(0)).padStart(7);
const verdict = (ratio: number, goal: number) => `goal ≤ ${goal}×: ${ratio <= goal ? 'met' : 'NOT MET'}`;

function figureLine(name: string, r: FigureResult, maxRssMb: number): string {
  return (
    `${`${name}: ${r.label}`.padEnd(86)} median ${ms(r.medianMs)} ms  p95 ${ms(r.p95Ms)} ms  ` +
    `(CPU median ${ms(r.cpuMedianMs)} ms  p95 ${ms(r.cpuP95Ms)} ms; ${r.runs} runs)  peak RSS ${r.peakRssMb.toFixed(0)} MB (process max ${maxRssMb.toFixed(0)} MB)` +
    (r.goalMs !== undefined ? ` — goal < ${r.goalMs} ms: ${r.medianMs < r.goalMs ? 'met' : 'NOT MET'}` : '')
  );
}

/** Three lines: the project, its floor, and the ratio against the goal (on CPU time; wall beside it). */
function comparisonLines(name: string, r: ComparisonResult): string[] {
  const side = (what: string, s: ComparisonResult['project']) =>
    `    ${what} ${s.label.padEnd(78)} CPU median ${ms(s.cpuMedianMs)} ms  p95 ${ms(s.cpuP95Ms)} ms · wall median ${ms(s.medianMs)} ms  p95 ${ms(s.p95Ms)} ms`;
  return [
    `${name}: ${r.label} (${r.runs} runs each, alternating; load average ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)})`,
    side('project', r.project),
    side('floor  ', r.floor),
    `    ratio   CPU ${r.cpuRatio.toFixed(2)}× · wall ${r.ratio.toFixed(2)}× — ${verdict(r.cpuRatio, r.goal)}`,
  ];
}

function measurementLines(name: string, r: MeasurementResult): string[] {
  const value = (n: number) => `${n.toFixed(0)} ${r.unit}`;
  return [
    `${name}: ${r.label} (load average ${r.load.toFixed(1)})`,
    `    project ${r.project.label.padEnd(78)} ${value(r.project.value)}`,
    `    floor   ${r.floor.label.padEnd(78)} ${value(r.floor.value)}`,
    `    ratio   ${r.ratio.toFixed(2)}× — ${verdict(r.ratio, r.goal)}`,
  ];
}

function lines(name: string, r: AnyResult, maxRssMb: number): string[] {
  if (r.kind === 'comparison') return comparisonLines(name, r);
  if (r.kind === 'measurement') return measurementLines(name, r);
  return [figureLine(name, r, maxRssMb)];
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
    .sort();
  await bundle(files);
  nationalDatabase();
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM · load average ${load}`);
  let failed = false;
  for (const file of files) {
    const output = await new Promise<string>((resolve, reject) => {
      const proc = spawn(process.execPath, [path.join(BUILD_DIR, 'child.cjs'), path.join(BUILD_DIR, file.replace(/\.ts$/, '.cjs'))], { stdio: ['ignore', 'pipe', 'inherit'] });
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
    const { name, results, maxRssMb } = JSON.parse(last) as { name: string; results: AnyResult[]; maxRssMb: number };
    for (const r of results) for (const text of lines(name, r, maxRssMb)) console.log(text);
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
