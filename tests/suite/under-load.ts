import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { loadNow } from './run';

// `npm run test:under-load [-- --runs N] [-- --busy N]`: runs `npm test` while busy processes
// keep the cores working (two by default: both cores of a 2-core machine), as a shared CI runner
// or a laptop doing something else would. It starts them before each run and always ends them
// afterwards: on success, on failure, on Ctrl-C or SIGTERM, and they end themselves should this
// script be killed outright. Prints each run's result, time and load average; exits non-zero if
// any run failed. Not part of `npm test`.

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a whole number of at least 1 (got ${String(process.argv[at + 1])})`);
  return value;
}

// A loop with nothing to wait for keeps one core busy. Every hundred million turns it checks that
// its parent is still there, so it never outlives a killed run.
const BUSY_LOOP = 'const parent = process.ppid; for (let i = 1; ; i++) if (i % 1e8 === 0 && process.ppid !== parent) process.exit(0);';

const children = new Set<ChildProcess>();

function start(program: string, args: string[], stdio: 'inherit' | 'ignore'): ChildProcess {
  const child = spawn(program, args, { stdio });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function endAll(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

process.once('exit', () => endAll('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    endAll();
    process.exit(128 + os.constants.signals[signal]);
  });
}

interface RunResult {
  passed: boolean;
  seconds: number;
  load: { mean: number; max: number };
}

async function runOnce(busyCount: number): Promise<RunResult> {
  const busy = Array.from({ length: busyCount }, () => start(process.execPath, ['-e', BUSY_LOOP], 'ignore'));
  const samples = [os.loadavg()[0]!];
  const sampler = setInterval(() => samples.push(os.loadavg()[0]!), 10_000);
  const started = process.hrtime.bigint();
  try {
    const code = await new Promise<number | null>((resolve) => {
      const suite = start('npm', ['test'], 'inherit');
      suite.once('error', () => resolve(null));
      suite.once('exit', (exitCode) => resolve(exitCode));
    });
    samples.push(os.loadavg()[0]!);
    return {
      passed: code === 0,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      load: { mean: samples.reduce((a, b) => a + b, 0) / samples.length, max: Math.max(...samples) },
    };
  } finally {
    clearInterval(sampler);
    for (const child of busy) child.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  const runs = option('runs', 1);
  const busyCount = option('busy', 2);
  const heading = `test:under-load: npm test beside ${busyCount} busy process${busyCount === 1 ? '' : 'es'} (${os.availableParallelism()} cores), ${runs} run${runs === 1 ? '' : 's'}`;
  console.log(`${heading}; load average before starting ${loadNow()}`);
  const results: RunResult[] = [];
  for (let run = 1; run <= runs; run += 1) {
    console.log(`\n=== test:under-load: run ${run} of ${runs} ===\n`);
    results.push(await runOnce(busyCount));
  }
  console.log(`\n${heading}`);
  results.forEach((r, i) =>
    console.log(`  run ${i + 1}  ${r.passed ? 'passed' : 'FAILED'}  ${r.seconds.toFixed(1).padStart(6)} s  load average ${r.load.mean.toFixed(2)} mean, ${r.load.max.toFixed(2)} max (1-minute, sampled every 10 s)`),
  );
  const passed = results.filter((r) => r.passed).length;
  console.log(`  ${passed} of ${runs} passed`);
  process.exitCode = passed === runs ? 0 : 1;
}

void main();
