import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security';
import { APP_ROOT, tempDir } from '../helpers/core';
import { bootWithElectronStub } from '../helpers/electron-stub';

// The Electron binary cannot be installed on build machines, so the built main bundle is booted in
// plain Node with `electron` replaced by a recording stub (tests/fixtures/electron-stub.cjs).

const MAIN_BUNDLE = path.join(APP_ROOT, 'out', 'main', 'index.js');

const boot = (env: Record<string, string>) => bootWithElectronStub(MAIN_BUNDLE, { STUB_APP_ROOT: APP_ROOT, ...env });

describe('the built Electron main bundle', () => {
  it('boots, migrates the database, registers every contract operation and loads the app page', () => {
    expect(fs.existsSync(MAIN_BUNDLE), 'out/main/index.js is missing: run "npm run build" first').toBe(true);
    const userData = tempDir('mhea-userdata-');
    const { report } = boot({ STUB_USER_DATA: userData });

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

    // The private key is sealed by safeStorage in the desktop app, never left as plain text.
    expect(report.signingKey).toMatchObject({ ok: true, data: { boardName: 'Smoke Board', key: { label: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/) } } });
    expect(report.signingStatus.data.storage).toMatch(/operating system’s key store/);
    const keyFiles = fs.readdirSync(path.join(userData, 'keys'));
    expect(keyFiles).toEqual([`board-${report.createBoard.data.id}.sealed`]);
    const sealed = fs.readFileSync(path.join(userData, 'keys', keyFiles[0]!));
    expect(sealed.subarray(0, 12).toString()).toBe('STUB-SEALED:');
    expect(sealed.toString('utf8')).not.toContain('PRIVATE KEY');
    expect(fs.statSync(path.join(userData, 'keys', keyFiles[0]!)).mode & 0o777).toBe(0o600);

    const dbFile = path.join(userData, 'estates.sqlite');
    expect(report.infoResult.data.databaseFile).toBe(dbFile);
    const sqlite = new Database(dbFile, { readonly: true });
    expect(sqlite.prepare('SELECT name FROM boards').all()).toEqual([{ name: 'Smoke Board' }]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: report.infoResult.data.schemaVersion });
    sqlite.close();
  });
});

describe('the built main bundle when its database cannot be opened', () => {
  it('shows what happened and the ways out instead of exiting silently; Quit changes nothing', () => {
    expect(fs.existsSync(MAIN_BUNDLE), 'out/main/index.js is missing: run "npm run build" first').toBe(true);
    const junk = path.join(tempDir(), 'estates.sqlite');
    fs.writeFileSync(junk, 'not a database '.repeat(500));
    const before = fs.readFileSync(junk);

    const { status, report } = boot({ STUB_USER_DATA: tempDir('mhea-userdata-'), MHEA_DB: junk, STUB_DIALOG_ANSWERS: JSON.stringify(['Quit']) });
    expect(status).toBe(0);
    expect(report.dialogs).toEqual([
      expect.objectContaining({ type: 'error', message: 'The app could not open its database.', buttons: ['Open another database…', expect.stringMatching(/^Use the standard database/), 'Quit'] }),
    ]);
    expect(report.dialogs[0].detail).toContain(junk);
    expect(report.channels).toEqual([]);
    expect(report.loadedUrl).toBeNull();
    expect(fs.readFileSync(junk).equals(before)).toBe(true);
  });

  it('opens the database the person picks instead, and remembers it for next time', () => {
    const junk = path.join(tempDir(), 'estates.sqlite');
    fs.writeFileSync(junk, Buffer.alloc(4096, 9));
    const chosen = path.join(tempDir(), 'second-laptop.sqlite');
    const userData = tempDir('mhea-userdata-');

    const { report } = boot({ STUB_USER_DATA: userData, MHEA_DB: junk, STUB_DIALOG_ANSWERS: JSON.stringify(['Open another database…']), STUB_OPEN_FILE: chosen });
    expect(report.dialogs).toHaveLength(1);
    expect(report.infoResult).toMatchObject({ ok: true, data: { databaseFile: chosen } });
    expect(report.loadedUrl).toBe('app://mhea/index.html');
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'desktop-settings.json'), 'utf8'))).toEqual({ recentDatabases: [chosen] });
  });
});
