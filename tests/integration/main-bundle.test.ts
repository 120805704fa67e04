import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security';
import { APP_ROOT, tempDir } from '../helpers/core';

// The Electron binary cannot be installed on build machines, so the built main bundle is booted in
// plain Node with `electron` replaced by a recording stub (tests/fixtures/electron-stub.cjs).

const MAIN_BUNDLE = path.join(APP_ROOT, 'out', 'main', 'index.js');

describe('the built Electron main bundle', () => {
  it('boots, migrates the database, registers every contract operation and loads the app page', () => {
    expect(fs.existsSync(MAIN_BUNDLE), 'out/main/index.js is missing: run "npm run build" first').toBe(true);
    const userData = tempDir('mhea-userdata-');
    const run = spawnSync(process.execPath, ['-r', path.join(APP_ROOT, 'tests', 'fixtures', 'electron-stub.cjs'), MAIN_BUNDLE], {
      cwd: APP_ROOT,
      encoding: 'utf8',
      env: { ...process.env, STUB_USER_DATA: userData, STUB_APP_ROOT: APP_ROOT, MHEA_DB: '' },
      timeout: 30_000,
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith('SMOKE-REPORT '));
    expect(line, `no report; stderr: ${run.stderr}`).toBeDefined();
    const report = JSON.parse(line!.slice('SMOKE-REPORT '.length));

    expect([...report.channels].sort()).toEqual(OPERATIONS.map((o) => `rpc:${o}`).sort());
    expect(report.loadedUrl).toBe('app://mhea/index.html');
    expect(report.schemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(report.windowOptions.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(report.windowOptions.webPreferences.preload).toBe(path.join(APP_ROOT, 'out', 'preload', 'index.js'));
    expect(report.permissions).toBe(2);
    expect(report.menu.find((m: { label: string }) => m.label === 'File').items).toEqual(
      expect.arrayContaining(['New database…', 'Open database…', 'Open recent', 'Show database in folder', 'Show backups folder']),
    );
    // A plain Node run (not packaged, no Electron) uses node_modules' own SQLite build.
    expect(report.nativeModules).toEqual([expect.stringContaining(path.join('node_modules', 'better-sqlite3', 'build'))]);
    expect(report.webContentsHardening).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview', 'open:deny']));

    expect(report.infoResult).toMatchObject({ ok: true, data: { door: 'ipc', estateIsEmpty: true } });
    expect(report.strangerResult).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report.createBoard).toMatchObject({ ok: true, data: { name: 'Smoke Board' } });
    expect(report.badInput).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['name'] }] } });
    expect(report.protocolIndex).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(report.protocolEscape).toBe(404);

    const dbFile = path.join(userData, 'estates.sqlite');
    expect(report.infoResult.data.databaseFile).toBe(dbFile);
    const sqlite = new Database(dbFile, { readonly: true });
    expect(sqlite.prepare('SELECT name FROM boards').all()).toEqual([{ name: 'Smoke Board' }]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: report.infoResult.data.schemaVersion });
    sqlite.close();
  });
});
