import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/db/open';
import { bulkWriteTransaction } from '../../src/core/db/transactions';
import { MIGRATIONS, createTestCore, tempDir, type TestCore } from '../helpers/core';

let core: TestCore | undefined;
afterEach(() => core?.close());

/** A copy of drizzle/ holding only the first `count` migrations: "the previous release". */
function olderMigrations(count: number): string {
  const dir = path.join(tempDir('mhea-migrations-'), 'drizzle');
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('the store', () => {
  it('opens one SQLite file in WAL mode with foreign keys on and every migration applied', () => {
    core = createTestCore();
    const { sqlite } = core.store;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(core.store.schemaVersion).toBe(journal.entries.length);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('holds the page cache small for a bulk write (an import) and gives the connection its own back after, also when the write fails', () => {
    core = createTestCore();
    const { sqlite, db } = core.store;
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
    const during = bulkWriteTransaction(db, 8192, () => sqlite.pragma('cache_size', { simple: true }));
    expect(during).toBe(-8192);
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
    expect(() =>
      bulkWriteTransaction(db, 8192, () => {
        sqlite.prepare("INSERT INTO boards (id, name, created_at, updated_at) VALUES ('b', 'NHS Bulk', 'x', 'x')").run();
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
    expect(sqlite.prepare("SELECT count(*) FROM boards WHERE id = 'b'").pluck().get()).toBe(0);
  });

  it('records every write in the audit log with who, when, what, before and after', () => {
    core = createTestCore();
    const board = core.call('boards.create', { name: 'NHS Audit' });
    core.call('boards.rename', { id: board.id, name: 'NHS Audited' });
    const entries = core.call('audit.list', { entityId: board.id, limit: 10 });
    expect(entries).toMatchObject([
      { action: 'update', entity: 'board', actor: 'test assessor', at: '2026-11-23T10:00:00.000Z', before: { name: 'NHS Audit' }, after: { name: 'NHS Audited' } },
      { action: 'create', entity: 'board', before: null, after: { name: 'NHS Audit' } },
    ]);
  });

  it('keeps the audit log append-only: entries cannot be changed or removed', () => {
    core = createTestCore();
    const board = core.call('boards.create', { name: 'NHS Append' });
    const { sqlite } = core.store;
    expect(() => sqlite.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(core.call('audit.list', { entityId: board.id, limit: 10 })).toHaveLength(1);
  });

  it('writes a record and its audit entry together or not at all', () => {
    core = createTestCore();
    // Make the audit insert fail: the board insert in the same transaction must roll back.
    core.store.sqlite.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(core.raw('boards.create', { name: 'NHS Half Written' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(core.store.sqlite.prepare('SELECT count(*) AS n FROM boards').get()).toEqual({ n: 0 });
  });

  it('migrates a database made by the previous schema without losing data, keeping a copy first', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = openStore({ file, migrationsFolder: olderMigrations(1) });
    old.sqlite.prepare("INSERT INTO boards (id, name, code, created_at, updated_at) VALUES ('3f1c1f5e-1d1a-4c55-9d8e-1a2b3c4d5e6f', 'NHS Before', NULL, 'x', 'x')").run();
    expect(old.schemaVersion).toBe(1);
    old.close();

    core = createTestCore({ file });
    expect(core.store.schemaVersion).toBeGreaterThan(1);
    expect(core.call('boards.list', {}).map((b) => b.name)).toEqual(['NHS Before']);
    expect(fs.existsSync(`${file}.before-migration-1.bak`)).toBe(true);
    const copy = new Database(`${file}.before-migration-1.bak`, { readonly: true });
    expect(copy.prepare('SELECT name FROM boards').all()).toEqual([{ name: 'NHS Before' }]);
    copy.close();
  });

  it('puts the database back as it was when an upgrade commits but leaves broken references', () => {
    const file = path.join(tempDir(), 'broken.sqlite');
    core = createTestCore({ file });
    const board = core.call('boards.create', { name: 'NHS Kept' });
    core.call('sites.create', { boardId: board.id, name: 'Kept Site' });
    const version = core.store.schemaVersion;
    core.close();
    core = undefined;

    // A faulty next release: its migration removes boards that sites still point at.
    const faulty = path.join(tempDir('mhea-migrations-'), 'drizzle');
    fs.cpSync(MIGRATIONS, faulty, { recursive: true });
    const journalFile = path.join(faulty, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number }[] };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_faulty' } as (typeof journal.entries)[number]);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(path.join(faulty, '9999_faulty.sql'), 'DELETE FROM `boards`;');

    expect(() => openStore({ file, migrationsFolder: faulty })).toThrow(/left 1 broken reference; the database was put back as it was before the upgrade/);

    // This version opens it again, untouched: same schema, same rows, nothing dangling.
    core = createTestCore({ file });
    expect(core.store.schemaVersion).toBe(version);
    expect(core.call('boards.list', {}).map((b) => b.name)).toEqual(['NHS Kept']);
    expect(core.store.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses to open a database written by a newer version of the app', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    core = createTestCore({ file });
    core.store.sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)").run();
    core.close();
    core = undefined;
    expect(() => openStore({ file, migrationsFolder: MIGRATIONS })).toThrow(/newer version of the app/);
  });

  it('commits each write at once: another connection sees it without waiting for a save', () => {
    core = createTestCore();
    core.call('boards.create', { name: 'NHS Durable' });
    const reader = new Database(core.file, { readonly: true });
    expect(reader.prepare('SELECT name FROM boards').all()).toEqual([{ name: 'NHS Durable' }]);
    reader.close();
  });
});
