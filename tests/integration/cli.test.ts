import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, tempDir } from '../helpers/core';

const TSX = path.join(APP_ROOT, 'node_modules', '.bin', 'tsx');

function cli(...args: string[]) {
  const result = spawnSync(TSX, ['src/cli/index.ts', ...args], { cwd: APP_ROOT, encoding: 'utf8', env: { ...process.env, MHEA_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the command line', () => {
  it('seeds the demo estate into the database named by --db', () => {
    const db = path.join(tempDir(), 'demo.sqlite');
    const run = cli('seed-demo', '--db', db);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 board, 3 sites, 12 wards, \d+ areas/);
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare('SELECT count(*) AS n FROM wards').get()).toEqual({ n: 12 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE actor LIKE '% via cli'").get()).toMatchObject({ n: expect.any(Number) });
    sqlite.close();
  });

  it('runs any contract operation and names the bad field when the input is wrong', () => {
    const db = path.join(tempDir(), 'calls.sqlite');
    const created = cli('call', 'boards.create', '{"name":"NHS Command Line"}', '--db', db);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ name: 'NHS Command Line' });

    const bad = cli('call', 'boards.create', '{"name":""}', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('VALIDATION');
    expect(bad.stderr).toContain('name: Enter the board name');
    const listed = cli('call', 'boards.list', '--db', db);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(1);
  });

  it('prints help, and refuses an unknown command with a pointer to it', () => {
    expect(cli('help').stdout).toContain('seed-demo');
    const unknown = cli('launch-rockets');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('npm run cli -- help');
  });
});
