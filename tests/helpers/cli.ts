import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { APP_ROOT } from './core';

const TSX = path.join(APP_ROOT, 'node_modules', '.bin', 'tsx');

/** Runs the command line as `npm run cli -- …` would, in a child process, ignoring any MHEA_DB of the environment. */
export function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(TSX, ['src/cli/index.ts', ...args], { cwd: APP_ROOT, encoding: 'utf8', env: { ...process.env, MHEA_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The time budget of a test that starts the app's code in `count` Node processes (the command
 * line, a writer). Each start compiles the code and opens the database: about a second on a quiet
 * 2-core machine, so 6 s each leaves room for a busy one, on top of the 30 s every test has.
 */
export function processBudget(count: number): number {
  return 30_000 + count * 6_000;
}
