import { describe, expect, it } from 'vitest';
import { PHASES, allPassed, formatSummary, runPhases, type Phase } from '../suite/run';

// `npm test` runs its phases through tests/suite/run.ts: a failing phase must stop the run and
// make the exit code say so, and the summary must name every phase with its time.

const node = (name: string, code: string): Phase => ({ name, command: [process.execPath, '-e', code] });

describe('the npm test runner', () => {
  it('runs typecheck, lint, build, unit and e2e in that order, each through its own npm script', () => {
    expect(PHASES.map((p) => [p.name, p.command.join(' ')])).toEqual([
      ['typecheck', 'npm run typecheck'],
      ['lint', 'npm run lint'],
      ['build', 'npm run build'],
      ['unit', 'npm run test:unit'],
      ['e2e', 'npm run test:e2e'],
    ]);
  });

  it('stops at the first failing phase, marks the rest not run, and fails the whole run', async () => {
    const results = await runPhases([node('first', 'process.exit(0)'), node('second', 'process.exit(3)'), node('third', 'process.exit(0)')]);
    expect(results.map(([p, r]) => [p.name, r.status, 'detail' in r ? r.detail : undefined])).toEqual([
      ['first', 'passed', undefined],
      ['second', 'failed', 'exit code 3'],
      ['third', 'not run', undefined],
    ]);
    expect(allPassed(results)).toBe(false);
    const summary = formatSummary(results, { start: '1.00', end: '2.00' });
    expect(summary).toMatch(/^npm test: time of each phase \(\d+ cores; load average 1\.00 at the start, 2\.00 at the end\)$/m);
    expect(summary).toMatch(/^ {2}first +\d+\.\d s {2}passed$/m);
    expect(summary).toMatch(/^ {2}second +\d+\.\d s {2}failed \(exit code 3\)$/m);
    expect(summary).toMatch(/^ {2}third +– {2}not run$/m);
    expect(summary).toMatch(/^ {2}total +\d+\.\d s {2}FAILED$/m);
  });

  it('counts a phase ended by a signal as failed', async () => {
    const results = await runPhases([node('killed', "process.kill(process.pid, 'SIGTERM')")]);
    expect(results[0]![1]).toMatchObject({ status: 'failed', detail: 'ended by SIGTERM' });
    expect(allPassed(results)).toBe(false);
  });

  it('passes only when every phase passed, and times each one', async () => {
    const results = await runPhases([node('quick', 'process.exit(0)'), node('slower', 'setTimeout(() => {}, 300)')]);
    expect(allPassed(results)).toBe(true);
    const slower = results[1]![1];
    expect(slower.status === 'passed' && slower.seconds).toBeGreaterThanOrEqual(0.3);
    expect(formatSummary(results, { start: '0.50', end: '0.50' })).toMatch(/^ {2}total +\d+\.\d s {2}passed$/m);
  });
});
