import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, type FileMenuActions } from '../../../src/main/menu';
import { builderOsKey, electronSqliteDir, nativeBindingFor, packagedBindingPath } from '../../../src/main/native/binding';
import { isCurrentBuild } from '../../../src/main/native/prepare';
import { chooseStartupDatabase, RECENT_LIMIT, recentDatabasesIn, rememberDatabase, SETTINGS_FILE_NAME } from '../../../src/main/recent-databases';
import { hintFor, openFailedPrompt } from '../../../src/main/start-failure';
import { APP_ROOT, tempDir } from '../../helpers/core';

describe('recent databases', () => {
  it('puts the file opened last first, without repeats, keeping at most eight', () => {
    let recent: string[] = [];
    for (let i = 1; i <= 10; i++) recent = rememberDatabase(recent, `/data/ward-${i}.sqlite`, 'linux');
    recent = rememberDatabase(recent, '/data/ward-5.sqlite', 'linux');
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent.slice(0, 3)).toEqual(['/data/ward-5.sqlite', '/data/ward-10.sqlite', '/data/ward-9.sqlite']);
    expect(rememberDatabase(['C:\\Data\\Estates.sqlite'], 'c:\\data\\estates.sqlite', 'win32')).toEqual(['c:\\data\\estates.sqlite']);
  });

  it('keeps the list in the user data folder, and starts afresh (saying so) when the file is unreadable', () => {
    const userData = tempDir();
    recentDatabasesIn(userData).remember('/data/a.sqlite');
    expect(recentDatabasesIn(userData).list()).toEqual(['/data/a.sqlite']);

    fs.writeFileSync(path.join(userData, SETTINGS_FILE_NAME), '{"recentDatabases": [42');
    const logged: string[] = [];
    expect(recentDatabasesIn(userData, (m) => logged.push(m)).list()).toEqual([]);
    expect(logged[0]).toContain(SETTINGS_FILE_NAME);
  });
});

describe('which database the desktop app opens at start', () => {
  const standardFile = path.resolve('/home/assessor/.config/app/estates.sqlite');
  const choose = (over: Partial<Parameters<typeof chooseStartupDatabase>[0]>) =>
    chooseStartupDatabase({ argv: [], env: {}, recent: [], standardFile, exists: () => true, ...over });

  it('takes --db first, then MHEA_DB, then the file used last, then the standard file', () => {
    expect(choose({ argv: ['app', '--db', '/x/one.sqlite'], env: { MHEA_DB: '/x/two.sqlite' }, recent: ['/x/three.sqlite'] })).toEqual({ file: path.resolve('/x/one.sqlite'), reason: 'command line' });
    expect(choose({ argv: ['app', '--db=/x/one.sqlite'] })).toEqual({ file: path.resolve('/x/one.sqlite'), reason: 'command line' });
    expect(choose({ env: { MHEA_DB: '/x/two.sqlite' }, recent: ['/x/three.sqlite'] })).toEqual({ file: path.resolve('/x/two.sqlite'), reason: 'environment' });
    expect(choose({ recent: ['/x/three.sqlite'] })).toEqual({ file: '/x/three.sqlite', reason: 'last used' });
    expect(choose({})).toEqual({ file: standardFile, reason: 'standard' });
  });

  it('reports a last-used file that has gone instead of quietly using another', () => {
    expect(choose({ recent: ['/usb/estates.sqlite'], exists: () => false })).toEqual({ missing: '/usb/estates.sqlite', reason: 'last used missing' });
    // The standard file is simply created on a first run.
    expect(choose({ recent: [standardFile], exists: () => false })).toEqual({ file: standardFile, reason: 'standard' });
  });
});

describe('what a start failure says', () => {
  it('turns the SQLite and file-system codes a person can act on into a hint', () => {
    const coded = (code: string) => Object.assign(new Error('x'), { code });
    expect(hintFor(coded('SQLITE_NOTADB'))).toContain('not an estates database');
    expect(hintFor(coded('SQLITE_CANTOPEN'))).toContain('drive connected');
    expect(hintFor(coded('SQLITE_READONLY_DIRECTORY'))).toContain('may not change');
    expect(hintFor(coded('SQLITE_BUSY'))).toContain('Another program');
    expect(hintFor(coded('SQLITE_FULL'))).toContain('disk is full');
    expect(hintFor(new Error('no code'))).toBeNull();
  });

  it('offers the standard database only when it is not the one that failed', () => {
    const error = new Error('boom');
    const actions = (file: string, backupsExist: boolean) => openFailedPrompt(file, error, { standardFile: '/s/estates.sqlite', backupsExist }).choices.map((c) => c.action);
    expect(actions('/s/estates.sqlite', true)).toEqual(['open-other', 'show-backups', 'quit']);
    expect(actions('/x/other.sqlite', false)).toEqual(['open-other', 'use-standard', 'quit']);
  });
});

describe('the File menu', () => {
  const calls: string[] = [];
  const actions: FileMenuActions = {
    newDatabase: () => calls.push('new'),
    openDatabase: () => calls.push('open'),
    openRecent: (file) => calls.push(`recent ${file}`),
    clearRecent: () => calls.push('clear'),
    showDatabaseFolder: () => calls.push('show database'),
    showBackupsFolder: () => calls.push('show backups'),
  };
  const fileMenu = (recent: string[]) => {
    const template = applicationMenuTemplate({ appName: 'MHEA', platform: 'linux', recent, actions });
    return template.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
  };
  const item = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label)!;
  const click = (menuItem: MenuItemConstructorOptions) => (menuItem.click as () => void)();

  it('offers a new database, opening one, the recent ones, and the folders', () => {
    const items = fileMenu(['/data/ward-5.sqlite']);
    expect(items.map((i) => i.label ?? i.role ?? i.type)).toEqual(['New database…', 'Open database…', 'Open recent', 'separator', 'Show database in folder', 'Show backups folder', 'separator', 'quit']);
    click(item(items, 'New database…'));
    click(item(items, 'Open database…'));
    const recent = item(items, 'Open recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label ?? i.type)).toEqual([`ward-5.sqlite — ${path.dirname('/data/ward-5.sqlite')}`, 'separator', 'Clear the list']);
    click(recent[0]!);
    click(item(items, 'Show backups folder'));
    expect(calls).toEqual(['new', 'open', 'recent /data/ward-5.sqlite', 'show backups']);
    expect((item(fileMenu([]), 'Open recent').submenu as MenuItemConstructorOptions[])[0]).toEqual({ label: 'No recent databases', enabled: false });
  });
});

describe('the Electron build of the SQLite engine', () => {
  it('is packed from the cache folder prepare.ts fills, named as electron-builder names platforms', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as { build: { files: unknown[]; asarUnpack: string[] } };
    const nativeEntry = manifest.build.files.find((f): f is { from: string; to: string } => typeof f === 'object' && f !== null && (f as { to?: string }).to === 'native');
    for (const [platform, os] of [['win32', 'win'], ['darwin', 'mac'], ['linux', 'linux']] as const) {
      expect(builderOsKey(platform)).toBe(os);
      const expanded = nativeEntry!.from.replace('${os}', os).replace('${arch}', 'x64');
      expect(electronSqliteDir(APP_ROOT, platform, 'x64')).toBe(path.join(APP_ROOT, expanded));
    }
    expect(packagedBindingPath('/opt/app/resources')).toBe(path.join('/opt/app/resources', 'app.asar.unpacked', 'native', 'better_sqlite3.node'));
  });

  it('is loaded only by Electron: plain Node keeps its own build, an installed app without it says to reinstall', () => {
    expect(nativeBindingFor({ appRoot: APP_ROOT, isPackaged: false, resourcesPath: '', electronVersion: undefined })).toBeUndefined();
    expect(() => nativeBindingFor({ appRoot: APP_ROOT, isPackaged: true, resourcesPath: tempDir(), electronVersion: '45.4.1' })).toThrow(/Reinstall the app/);
  });

  it('is made again when Electron, better-sqlite3, the platform or the architecture changed', () => {
    const wanted = { electron: '45.4.1', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };
    expect(isCurrentBuild({ ...wanted }, wanted)).toBe(true);
    expect(isCurrentBuild({ ...wanted, electron: '45.4.0' }, wanted)).toBe(false);
    expect(isCurrentBuild({ ...wanted, arch: 'arm64' }, wanted)).toBe(false);
    expect(isCurrentBuild(null, wanted)).toBe(false);
  });
});
