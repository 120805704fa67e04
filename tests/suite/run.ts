import { spawn } from 'node:child_process';
import os from 'node:os';

// `npm test`: the phases in order, each its own npm script so it can also be run alone. A phase
// that fails stops the run (the later ones would only repeat its failure or test a stale build),
// and the exit code is non-zero. At the end it prints how long each phase took, with the machine's
// load average, so a slow or red run can be read against how busy the machine was.

export interface Phase {
  name: string;
  /** The program and its arguments. */
  command: readonly [string, ...string[]];
}

const npmScript = (name: string, script: string): Phase => ({ name, command: ['npm', 'run', script] });

export const PHASES: readonly Phase[] = [
  npmScript('typecheck', 'typecheck'),
  npmScript('lint', 'lint'),
  npmScript('build', 'build'),
  npmScript('unit', 'test:unit'),
  npmScript('e2e', 'test:e2e'),
];

export type Outcome = { status: 'passed' | 'failed'; seconds: number; detail?: string } | { status: 'not run' };
export type Results = [Phase, Outcome][];

/** The 1-minute load average, printed beside every time. */
export function loadNow(): string {
  return os.loadavg()[0]!.toFixed(2);
}

function runCommand([program, ...args]: Phase['command']): Promise<{ ok: boolean; detail?: string }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: 'inherit' });
    child.once('error', (error) => resolve({ ok: false, detail: error.message }));
    child.once('exit', (code, signal) => {
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, detail: signal ? `ended by ${signal}` : `exit code ${String(code)}` });
    });
  });
}

/** Runs the phases in order until one fails; the phases after it are "not run". */
export async function runPhases(phases: readonly Phase[]): Promise<Results> {
  const results: Results = phases.map((p) => [p, { status: 'not run' }]);
  for (const entry of results) {
    const started = process.hrtime.bigint();
    const { ok, detail } = await runCommand(entry[0].command);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    entry[1] = { status: ok ? 'passed' : 'failed', seconds, ...(detail ? { detail } : {}) };
    if (!ok) break;
  }
  return results;
}

export function allPassed(results: Results): boolean {
  return results.every(([, r]) => r.status === 'passed');
}

export function formatSummary(results: Results, load: { start: string; end: string }): string {
  const total = results.reduce((sum, [, r]) => sum + (r.status === 'not run' ? 0 : r.seconds), 0);
  const line = (name: string, seconds: number | null, status: string) =>
    `  ${name.padEnd(10)} ${(seconds === null ? '–' : `${seconds.toFixed(1)} s`).padStart(8)}  ${status}`;
  return [
    `npm test: time of each phase (${os.availableParallelism()} cores; load average ${load.start} at the start, ${load.end} at the end)`,
    ...results.map(([phase, r]) =>
      r.status === 'not run' ? line(phase.name, null, 'not run') : line(phase.name, r.seconds, r.detail ? `${r.status} (${r.detail})` : r.status),
    ),
    line('total', total, allPassed(results) ? 'passed' : 'FAILED'),
  ].join('\n');
}

async function main(): Promise<void> {
  const start = loadNow();
  const results = await runPhases(PHASES);
  console.log(`\n${formatSummary(results, { start, end: loadNow() })}`);
  process.exitCode = allPassed(results) ? 0 : 1;
}

if (require.main === module) void main();
