import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { APP_ROOT } from './core';

/**
 * Boots a built main bundle in plain Node with `electron` replaced by tests/fixtures/electron-stub.cjs
 * (configured through STUB_* variables) and returns the report it prints, failing the test with
 * the process's output if it printed none.
 */
export function bootWithElectronStub(mainBundle: string, env: Record<string, string>, cwd = APP_ROOT) {
  const run = spawnSync(process.execPath, ['-r', path.join(APP_ROOT, 'tests', 'fixtures', 'electron-stub.cjs'), mainBundle], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: '', MHEA_DB: '', ...env },
    timeout: 60_000,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('SMOKE-REPORT '));
  expect(line, `no report; stderr: ${run.stderr}`).toBeDefined();
  return { status: run.status, report: JSON.parse(line!.slice('SMOKE-REPORT '.length)) };
}
