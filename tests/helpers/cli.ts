import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { APP_ROOT } from './core';

const TSX = path.join(APP_ROOT, 'node_modules', '.bin', 'tsx');

/** One run of the command line may take this long before it is taken to hang and is killed. */
const RUN_LIMIT_MS = 120_000;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command line in a child process (no MHEA_DB from the environment: pass --db). */
export function cli(...args: string[]): CliRun {
  const result = spawnSync(TSX, ['src/cli/index.ts', ...args], { cwd: APP_ROOT, encoding: 'utf8', env: { ...process.env, MHEA_DB: '' }, timeout: RUN_LIMIT_MS, killSignal: 'SIGKILL' });
  if (result.error) throw new Error(`cli ${args.join(' ')} did not finish: ${result.error.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
