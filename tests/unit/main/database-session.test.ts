import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core';
import { createDatabaseSession, type DatabaseSession, type DesktopUi } from '../../../src/main/database-session';
import { recentDatabasesIn } from '../../../src/main/recent-databases';
import type { Notice, Prompt } from '../../../src/main/start-failure';
import { MIGRATIONS, RESOURCES, tempDir } from '../../helpers/core';

// The desktop app's choice of database, on real SQLite files in temp folders; only Electron's
// message boxes, pickers and window are fakes (they record what a person would see and answer
// from a script).

interface FakeUi extends DesktopUi {
  asked: Prompt<string>[];
  told: Notice[];
  shownFolders: string[];
  changes: number;
}

function fakeUi(script: { answers?: string[]; existing?: (string | null)[]; news?: (string | null)[] } = {}): FakeUi {
  const answers = [...(script.answers ?? [])];
  const existing = [...(script.existing ?? [])];
  const news = [...(script.news ?? [])];
  const ui: FakeUi = {
    asked: [],
    told: [],
    shownFolders: [],
    changes: 0,
    async ask<A extends string>(prompt: Prompt<A>) {
      ui.asked.push(prompt);
      const answer = answers.shift();
      if (!answer) throw new Error(`no scripted answer for "${prompt.message}"`);
      expect(prompt.choices.map((c) => c.action)).toContain(answer);
      return answer as A;
    },
    async tell(notice) {
      ui.told.push(notice);
    },
    pickExisting: async () => existing.shift() ?? null,
    pickNew: async () => news.shift() ?? null,
    async showFolder(folder) {
      ui.shownFolders.push(folder);
    },
    showFile: () => undefined,
    changed() {
      ui.changes++;
    },
  };
  return ui;
}

const sessions: DatabaseSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

function setup(ui: FakeUi) {
  const userData = tempDir('mhea-desktop-');
  const recent = recentDatabasesIn(userData);
  const standardFile = path.join(userData, 'estates.sqlite');
  const session = createDatabaseSession({
    openCore: (file) => createCore({ databaseFile: file, migrationsFolder: MIGRATIONS, resourcesDir: RESOURCES, door: 'ipc', appVersion: '0.0.0-test', backupsKept: 0, log: () => undefined }),
    ui,
    recent,
    standardFile,
  });
  sessions.push(session);
  const info = () => session.dispatch('app.info', {}) as { ok: true; data: { databaseFile: string } };
  return { session, recent, standardFile, userData, info };
}

/** A database of this app, made and closed, in its own folder. */
function goodDatabase(name = 'ward-round.sqlite'): string {
  const file = path.join(tempDir('mhea-good-'), name);
  createCore({ databaseFile: file, migrationsFolder: MIGRATIONS, resourcesDir: RESOURCES, door: 'cli', appVersion: '0.0.0-test', backupsKept: 0 }).close();
  return file;
}

describe('the desktop app at start', () => {
  it('opens the standard database on a first run and remembers it', async () => {
    const ui = fakeUi();
    const { session, standardFile, recent, info } = setup(ui);
    expect(await session.start({ file: standardFile, reason: 'standard' })).toBe(true);
    expect(info().data.databaseFile).toBe(standardFile);
    expect(recent.list()).toEqual([standardFile]);
    expect(ui.asked).toEqual([]);
  });

  it('explains a file that is not a database, changes nothing, and opens another the person picks', async () => {
    const junk = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(junk, 'Ward 3 notes, not a database. '.repeat(200));
    const before = fs.readFileSync(junk);
    const other = goodDatabase();
    const ui = fakeUi({ answers: ['open-other'], existing: [other] });
    const { session, info } = setup(ui);

    expect(await session.start({ file: junk, reason: 'command line' })).toBe(true);
    const [prompt] = ui.asked;
    expect(prompt).toMatchObject({ kind: 'error', message: 'The app could not open its database.' });
    expect(prompt!.detail).toContain(junk);
    expect(prompt!.detail).toContain('not an estates database');
    expect(prompt!.choices.map((c) => c.action)).toEqual(['open-other', 'use-standard', 'quit']);
    expect(fs.readFileSync(junk).equals(before)).toBe(true);
    expect(info().data.databaseFile).toBe(other);
  });

  it('opens a damaged database that has backups in recovery mode, where the page offers them, and asks nothing', async () => {
    const damaged = goodDatabase('estates.sqlite');
    const maker = createCore({ databaseFile: damaged, migrationsFolder: MIGRATIONS, resourcesDir: RESOURCES, door: 'cli', appVersion: '0.0.0-test', backupsKept: 0 });
    maker.dispatch('boards.create', { name: 'NHS Kept' });
    maker.dispatch('backups.create', {});
    maker.close();
    const bytes = fs.readFileSync(damaged);
    bytes.fill(0, 0, 100);
    fs.writeFileSync(damaged, bytes);
    const ui = fakeUi();
    const { session } = setup(ui);

    expect(await session.start({ file: damaged, reason: 'last used' })).toBe(true);
    expect(ui.asked).toEqual([]);
    const info = session.dispatch('app.info', {}) as { ok: true; data: { recovery: { problem: string } | null } };
    expect(info.data.recovery?.problem).toMatch(/file is not a database/);
    const listed = session.dispatch('backups.list', { verify: true }) as { ok: true; data: { verified: boolean }[] };
    expect(listed.data.map((b) => b.verified)).toEqual([true]);
  });

  it('refuses a database written by a newer version, says so, and quits when asked', async () => {
    const newer = goodDatabase();
    const sqlite = new Database(newer);
    sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-a-newer-version', Date.now());
    sqlite.close();
    const before = fs.readFileSync(newer);
    const ui = fakeUi({ answers: ['quit'] });
    const { session } = setup(ui);

    expect(await session.start({ file: newer, reason: 'last used' })).toBe(false);
    expect(ui.asked[0]!.detail).toContain('newer version of the app');
    expect(fs.readFileSync(newer).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite file and leaves it exactly as it was", async () => {
    const foreign = path.join(tempDir(), 'places.sqlite');
    const sqlite = new Database(foreign);
    sqlite.exec("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO bookmarks (url) VALUES ('https://example.org/')");
    sqlite.close();
    const before = fs.readFileSync(foreign);
    const ui = fakeUi({ answers: ['use-standard'] });
    const { session, standardFile, info } = setup(ui);

    expect(await session.start({ file: foreign, reason: 'command line' })).toBe(true);
    expect(ui.asked[0]!.detail).toContain('a database of another program');
    expect(fs.readFileSync(foreign).equals(before)).toBe(true);
    expect(fs.existsSync(`${foreign}-wal`)).toBe(false);
    expect(info().data.databaseFile).toBe(standardFile);
  });

  it('offers the backups folder when the failing database has one, then asks again', async () => {
    const junk = path.join(tempDir(), 'estates.sqlite');
    fs.writeFileSync(junk, Buffer.alloc(8192, 7));
    fs.mkdirSync(path.join(path.dirname(junk), 'backups'));
    const ui = fakeUi({ answers: ['show-backups', 'quit'] });
    const { session } = setup(ui);

    expect(await session.start({ file: junk, reason: 'environment' })).toBe(false);
    expect(ui.asked[0]!.choices.map((c) => c.label)).toContain('Show the backups folder');
    expect(ui.shownFolders).toEqual([path.join(path.dirname(junk), 'backups')]);
    expect(ui.asked).toHaveLength(2);
  });

  it('says when the database used last has gone, rather than starting an empty one in its place', async () => {
    const gone = path.join(tempDir(), 'usb-stick', 'estates.sqlite');
    const ui = fakeUi({ answers: ['open-other', 'use-standard'], existing: [null] });
    const { session, standardFile, info } = setup(ui);

    expect(await session.start({ missing: gone, reason: 'last used missing' })).toBe(true);
    expect(ui.asked[0]).toMatchObject({ kind: 'warning', message: 'The database you used last cannot be found.' });
    expect(ui.asked[0]!.detail).toContain(gone);
    // Cancelling the file picker comes back to the same question.
    expect(ui.asked[1]).toEqual(ui.asked[0]);
    expect(fs.existsSync(gone)).toBe(false);
    expect(info().data.databaseFile).toBe(standardFile);
  });
});

describe('changing the database from the File menu', () => {
  it('opens another database, reloads the page on it and lists it first under Open recent', async () => {
    const ui = fakeUi();
    const { session, standardFile, recent, info } = setup(ui);
    await session.start({ file: standardFile, reason: 'standard' });
    const other = goodDatabase();
    ui.pickExisting = async () => other;

    await session.openDatabase();
    expect(info().data.databaseFile).toBe(other);
    expect(ui.changes).toBe(1);
    expect(recent.list()).toEqual([other, standardFile]);
    // The previous database was closed: its presence note is gone.
    expect(fs.existsSync(`${standardFile}.open`) ? fs.readdirSync(`${standardFile}.open`) : []).toEqual([]);
  });

  it('keeps the current database when the chosen one cannot be opened', async () => {
    const ui = fakeUi();
    const { session, standardFile, info } = setup(ui);
    await session.start({ file: standardFile, reason: 'standard' });
    const junk = path.join(tempDir(), 'broken.sqlite');
    fs.writeFileSync(junk, Buffer.alloc(4096, 1));

    await session.openRecent(junk);
    expect(ui.told[0]).toMatchObject({ kind: 'error', message: 'That database could not be opened.' });
    expect(ui.told[0]!.detail).toContain(`You are still working in ${standardFile}`);
    expect(info().data.databaseFile).toBe(standardFile);
    expect(ui.changes).toBe(0);
  });

  it('does not create a database where a recent file has gone', async () => {
    const ui = fakeUi();
    const { session, standardFile, info } = setup(ui);
    await session.start({ file: standardFile, reason: 'standard' });
    const gone = path.join(tempDir(), 'moved.sqlite');

    await session.openRecent(gone);
    expect(ui.told[0]!.detail).toContain('cannot be found');
    expect(fs.existsSync(gone)).toBe(false);
    expect(info().data.databaseFile).toBe(standardFile);
  });

  it('makes a new empty database, but never over an existing file', async () => {
    const ui = fakeUi();
    const { session, standardFile, info } = setup(ui);
    await session.start({ file: standardFile, reason: 'standard' });
    const existing = goodDatabase();
    const before = fs.readFileSync(existing);
    const fresh = path.join(tempDir(), 'second-site.sqlite');
    const picks = [existing, fresh];
    ui.pickNew = async () => picks.shift() ?? null;

    await session.newDatabase();
    expect(ui.told[0]).toMatchObject({ message: 'A new database is never written over an existing file.' });
    expect(fs.readFileSync(existing).equals(before)).toBe(true);
    expect(info().data.databaseFile).toBe(standardFile);

    await session.newDatabase();
    expect(info().data.databaseFile).toBe(fresh);
    expect(session.dispatch('app.info', {})).toMatchObject({ ok: true, data: { estateIsEmpty: true } });
  });

  it('tells the person when the database has no backups yet instead of opening a missing folder', async () => {
    const ui = fakeUi();
    const { session, standardFile } = setup(ui);
    await session.start({ file: standardFile, reason: 'standard' });

    await session.showBackupsFolder();
    expect(ui.shownFolders).toEqual([]);
    expect(ui.told[0]).toMatchObject({ kind: 'info', message: 'This database has no backups yet.' });
    expect(ui.told[0]!.detail).toContain(path.join(path.dirname(standardFile), 'backups'));
  });
});
