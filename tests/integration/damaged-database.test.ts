import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { createTestCore, makeWard, tempDir } from '../helpers/core';
import { processBudget } from '../helpers/budgets';

// A damaged database must not stop the app: it opens in recovery mode, says what happened and
// offers the newest good backup; the command line's backups and restore work too. Each case is
// a real file damaged the way disks and failed copies damage them.

/** A database with an estate, a backup of it, and one board added after the backup. */
function estateWithBackup(): { file: string; backup: string } {
  const core = createTestCore();
  makeWard(core);
  const backup = core.call('backups.create', {}).name;
  core.call('boards.create', { name: 'NHS Added Later' });
  core.close(); // the last connection: the write-ahead log is folded into the file
  return { file: core.file, backup };
}

function overwrite(file: string, change: (bytes: Buffer) => void): void {
  const bytes = fs.readFileSync(file);
  change(bytes);
  fs.writeFileSync(file, bytes);
}

/** Random bytes over the pages in the middle of the file (a seeded generator: the same every run). */
function scrambleMiddlePages(bytes: Buffer): void {
  let seed = 20261123;
  const pageSize = 4096;
  const pages = Math.floor(bytes.length / pageSize);
  for (let page = Math.floor(pages / 3); page < Math.floor(pages / 3) + 8; page++) {
    for (let i = page * pageSize; i < (page + 1) * pageSize; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
  }
}

const leftovers = (file: string) => fs.readdirSync(path.join(path.dirname(file), 'backups')).filter((name) => name.includes('partial'));

describe('a damaged database', () => {
  it('opens in recovery mode when its first page is overwritten, explains, and restores the newest good backup', () => {
    const { file, backup } = estateWithBackup();
    overwrite(file, (bytes) => bytes.fill(0, 0, 100));

    const core = createTestCore({ file });
    expect(core.recovery?.problem).toBe('its first page, which says what the file is, is damaged or was overwritten (SQLite: file is not a database)');
    const info = core.call('app.info', {});
    expect(info.recovery).toEqual({ file, problem: core.recovery!.problem });
    const refused = core.raw('boards.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED' } });
    expect(!refused.ok && refused.error.message).toMatch(/is damaged and cannot be opened: .* until a backup is restored/);

    const backups = core.call('backups.list', { verify: true });
    expect(backups).toMatchObject([{ name: backup, verified: true, hasChecksum: true, problem: null, contents: { boards: 1, wards: 1 } }]);
    const restored = core.call('backups.restore', { name: backup });
    expect(restored.safetyCopy).toBeNull();
    expect(restored.setAside).toMatch(/estates\.sqlite\.damaged-\d{8}-\d{6}$/);
    expect(fs.readFileSync(restored.setAside!).subarray(0, 100).every((b) => b === 0)).toBe(true);
    // Out of recovery: the estate as it was when the backup was made, and the restore audited.
    expect(core.recovery).toBeNull();
    expect(core.call('app.info', {}).recovery).toBeNull();
    expect(core.call('boards.list', {})).toHaveLength(1);
    expect(core.call('audit.list', { entityId: backup, limit: 1 })).toMatchObject([{ entity: 'database', before: { setAside: restored.setAside } }]);
    core.close();
  });

  it('lets the command line list and restore backups when the database cannot be opened, without a stack trace', { timeout: processBudget(4) }, () => {
    const { file, backup } = estateWithBackup();
    overwrite(file, (bytes) => bytes.fill(0, 0, 100));

    const refused = cli('call', 'boards.list', '--db', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/DATABASE_DAMAGED: The database .*estates\.sqlite is damaged and cannot be opened/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const listed = cli('backups', '--db', file);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toMatch(/is damaged and cannot be opened/);
    expect(listed.stdout).toMatch(new RegExp(`${backup} .* 1 boards, 1 sites, 1 wards, .*checked: good`));

    const restored = cli('restore', backup, '--db', file);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/The damaged database was moved aside, kept as .*estates\.sqlite\.damaged-/);
    expect(JSON.parse(cli('call', 'boards.list', '--db', file).stdout)).toHaveLength(1);
  });

  it('catches random bytes in the middle of the file when it opens, and leaves no half-written backup behind', () => {
    const { file, backup } = estateWithBackup();
    // Yesterday's backup: today's first start wants a new one, of the damaged file.
    const folder = path.join(path.dirname(file), 'backups');
    const yesterday = backup.replace(/-\d{8}-\d{6}-/, '-20261122-090000-');
    fs.renameSync(path.join(folder, backup), path.join(folder, yesterday));
    fs.renameSync(path.join(folder, `${backup}.sha256`), path.join(folder, `${yesterday}.sha256`));
    fs.writeFileSync(path.join(folder, `${yesterday}.sha256`), fs.readFileSync(path.join(folder, `${yesterday}.sha256`), 'utf8').replace(backup, yesterday));
    overwrite(file, scrambleMiddlePages);

    for (let start = 0; start < 3; start++) {
      const core = createTestCore({ file });
      expect(core.recovery?.problem).toMatch(/SQLite's check of its pages found|some of its pages are damaged/);
      core.close();
    }
    expect(leftovers(file)).toEqual([]);
    expect(fs.readdirSync(folder).filter((name) => name.endsWith('.sqlite'))).toEqual([yesterday]);
  });

  it('does not take an empty (0-byte) file for a new database, and starts afresh only when asked, keeping the file aside', () => {
    const file = path.join(tempDir(), 'estates.sqlite');
    fs.writeFileSync(file, '');
    const core = createTestCore({ file });
    expect(core.recovery?.problem).toMatch(/the file is empty \(0 bytes\)/);
    expect(fs.statSync(file).size).toBe(0);
    expect(core.call('backups.list', { verify: true })).toEqual([]);

    const { setAside } = core.call('recovery.startEmpty', {});
    expect(fs.statSync(setAside).size).toBe(0);
    expect(core.recovery).toBeNull();
    expect(core.call('app.info', {})).toMatchObject({ recovery: null, estateIsEmpty: true });
    expect(core.raw('recovery.startEmpty', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    core.close();
  });

  it('goes into recovery mode when damage is found while running: the full check before a backup', () => {
    const core = createTestCore();
    for (let i = 0; i < 30; i++) core.call('boards.create', { name: `NHS Board ${i}` });
    core.call('backups.create', {}); // so the next start makes none (one a day)
    core.close();
    // One name inside the boards' name index changed: every page still reads (the quick check at
    // open passes), but the index no longer matches its table.
    const db = new Database(core.file, { readonly: true });
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'boards_name_unique'").get() as { rootpage: number }).rootpage;
    db.close();
    overwrite(core.file, (bytes) => {
      const page = bytes.subarray((root - 1) * 4096, root * 4096);
      const at = page.indexOf(Buffer.from('board 17'));
      expect(at).toBeGreaterThan(0);
      page[at + 7] = '8'.charCodeAt(0);
    });

    const reopened = createTestCore({ file: core.file });
    expect(reopened.recovery).toBeNull();
    expect(reopened.call('boards.list', {})).toHaveLength(30);
    const backup = reopened.raw('backups.create', {});
    expect(backup).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED' } });
    expect(!backup.ok && backup.error.message).toMatch(/integrity check found .*missing from index boards_name_unique.*no backup was made, so the good ones are kept/);
    expect(reopened.call('app.info', {}).recovery?.problem).toMatch(/integrity check found/);
    expect(reopened.raw('boards.list', {})).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED' } });
    expect(leftovers(core.file)).toEqual([]);
    expect(reopened.call('backups.list', {})).toHaveLength(1);
    reopened.close();
  });
});
