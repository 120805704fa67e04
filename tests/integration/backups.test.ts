import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { presenceFolder } from '../../src/core/db/presence';
import { startAssessment } from '../helpers/assessments';
import { APP_ROOT, createTestCore, makeWard, tempDir } from '../helpers/core';
import { processBudget } from '../helpers/budgets';
import { cli as runCli } from '../helpers/cli';

// Rotating backups beside the database, and restoring one in place of it.

function backupsOf(file: string) {
  return fs.readdirSync(path.join(path.dirname(file), 'backups')).filter((f) => f.endsWith('.sqlite')).sort();
}

describe('backups', () => {
  it('restores a backup: a change made after it is gone, and the database before the restore is kept', () => {
    const core = createTestCore();
    core.call('boards.create', { name: 'NHS Before' });
    const backup = core.call('backups.create', {});
    expect(backup).toMatchObject({ reason: 'manual', problem: null, contents: { boards: 1, wards: 0, assessments: 0, signedOff: 0 } });
    expect(backup.sizeBytes).toBeGreaterThan(0);

    core.call('boards.create', { name: 'NHS After' });
    expect(core.call('boards.list', {}).map((b) => b.name).sort()).toEqual(['NHS After', 'NHS Before']);

    const restored = core.call('backups.restore', { name: backup.name });
    expect(restored.restored.name).toBe(backup.name);
    expect(restored.safetyCopy).toMatchObject({ reason: 'before-restore', contents: { boards: 2 } });
    // The same core keeps working, now on the restored database.
    expect(core.call('boards.list', {}).map((b) => b.name)).toEqual(['NHS Before']);
    expect(core.store.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    core.call('boards.create', { name: 'NHS Later' });
    expect(core.call('audit.list', { entityId: backup.name, limit: 5 })).toMatchObject([{ entity: 'database', action: 'update' }]);
    expect(fs.existsSync(`${core.file}.restoring`)).toBe(false);

    // And the safety copy brings "NHS After" back.
    core.call('backups.restore', { name: restored.safetyCopy!.name });
    expect(core.call('boards.list', {}).map((b) => b.name).sort()).toEqual(['NHS After', 'NHS Before']);
    core.close();
  });

  it('keeps only the newest ten, newest first', () => {
    const core = createTestCore();
    core.call('boards.create', { name: 'NHS Rotation' });
    const made = Array.from({ length: 13 }, () => core.call('backups.create', {}).name);
    const listed = core.call('backups.list', {});
    expect(listed.map((b) => b.name)).toEqual(made.slice(3).reverse());
    expect(backupsOf(core.file)).toHaveLength(10);
    core.close();
  });

  it('rotates the app’s own backups without pushing out one a person made', () => {
    const core = createTestCore();
    core.call('boards.create', { name: 'NHS Rotation' });
    const mine = core.call('backups.create', {});
    // Twelve automatic ones after it (as after twelve sign-offs), copies of a real backup.
    const folder = path.join(path.dirname(core.file), 'backups');
    const bytes = fs.readFileSync(path.join(folder, mine.name));
    for (let n = 2; n <= 13; n += 1) fs.writeFileSync(path.join(folder, `backup-${String(n).padStart(5, '0')}-20261123-1000${String(n).padStart(2, '0')}-sign-off.sqlite`), bytes);
    const latest = core.call('backups.create', {}); // runs the rotation
    const kept = core.call('backups.list', {}).map((b) => b.name);
    expect(kept.filter((name) => name.endsWith('-sign-off.sqlite'))).toHaveLength(10);
    expect(kept).toContain(mine.name);
    expect(kept).toContain(latest.name);
    expect(kept).not.toContain('backup-00002-20261123-100002-sign-off.sqlite');
    core.close();
  });

  it('refuses a damaged backup, an unknown one and a path, with a message, and changes nothing', () => {
    const core = createTestCore();
    core.call('boards.create', { name: 'NHS Careful' });
    const good = core.call('backups.create', {});
    const damaged = path.join(path.dirname(core.file), 'backups', good.name.replace('-manual', '-startup').replace(/backup-\d{5}/, 'backup-00099'));
    const bytes = fs.readFileSync(path.join(path.dirname(core.file), 'backups', good.name));
    // Overwrite the middle of the file: the header survives, the pages do not.
    bytes.fill(0x5a, 4096, bytes.length - 100);
    fs.writeFileSync(damaged, bytes);
    const name = path.basename(damaged);
    expect(core.call('backups.list', {})[0]!.name).toBe(name);

    const refused = core.raw('backups.restore', { name });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: ['name'] }] } });
    expect(!refused.ok && refused.error.message).toMatch(/was not restored/);
    expect(core.raw('backups.restore', { name: 'backup-00500-20260101-000000-manual.sqlite' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(core.raw('backups.restore', { name: '../estates.sqlite' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['name'] }] } });
    // Nothing was replaced and no safety copy was made.
    expect(core.call('boards.list', {}).map((b) => b.name)).toEqual(['NHS Careful']);
    expect(backupsOf(core.file)).toHaveLength(2);
    core.close();
  });

  it('refuses a backup that is empty, has lost a table, has broken references or changed since it was made, naming each problem', () => {
    const core = createTestCore();
    const { board } = makeWard(core);
    const good = core.call('backups.create', {});
    core.call('boards.create', { name: 'NHS Today' });
    const folder = path.join(path.dirname(core.file), 'backups');
    /** A copy of the good backup under a new name, changed by `change`, with its checksum rewritten (as a faulty version would write one) unless told not to. */
    let sequence = 50;
    const variant = (change: (file: string) => void, options: { keepChecksum?: boolean } = {}) => {
      const name = `backup-000${sequence++}-20261123-100000-manual.sqlite`;
      const file = path.join(folder, name);
      fs.copyFileSync(path.join(folder, good.name), file);
      change(file);
      const checksum = options.keepChecksum ? fs.readFileSync(path.join(folder, `${good.name}.sha256`), 'utf8').split(' ')[0] : createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      fs.writeFileSync(`${file}.sha256`, `${checksum}  ${name}\n`);
      return name;
    };
    const withSql = (sql: string) => (file: string) => {
      const db = new Database(file);
      db.pragma('foreign_keys = OFF');
      db.exec(sql);
      db.close();
    };
    const cases: [string, string, RegExp][] = [
      ['empty', variant((file) => fs.writeFileSync(file, '')), /It is empty \(0 bytes\)/],
      ['table dropped', variant(withSql('DROP TABLE rechecks')), /Its tables are not the ones this app keeps: table rechecks is missing/],
      ['trigger dropped', variant(withSql('DROP TRIGGER audit_log_no_update')), /Its tables are not the ones this app keeps: trigger audit_log_no_update is missing/],
      ['broken references', variant(withSql(`DELETE FROM boards WHERE id = '${board.id}'`)), /1 record points at records that are not there \(first: row \d+ of sites, which names a missing row of boards\)/],
      [
        'flipped byte',
        variant(
          (file) => {
            const bytes = fs.readFileSync(file);
            const at = bytes.indexOf(Buffer.from('Test Ward'));
            bytes[at] = 'B'.charCodeAt(0); // "Best Ward": every page still reads, the checksum does not match
            fs.writeFileSync(file, bytes);
          },
          { keepChecksum: true },
        ),
        /It has changed since it was made: its bytes no longer match the checksum written beside it/,
      ],
    ];
    for (const [what, name, problem] of cases) {
      const refused = core.raw('backups.restore', { name });
      expect(refused, what).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: ['name'] }] } });
      expect(!refused.ok && refused.error.message, what).toMatch(new RegExp(`^The backup ${name} was not restored\\. ${problem.source}`));
    }
    // The flipped byte is invisible to SQLite's own check: only the checksum catches it.
    const flipped = new Database(path.join(folder, cases[4]![1]), { readonly: true });
    expect(flipped.pragma('integrity_check', { simple: true })).toBe('ok');
    flipped.close();
    // Listed with what is wrong when checked in full; nothing was replaced, no safety copy made, no copy left over.
    const checked = core.call('backups.list', { verify: true });
    expect(checked.filter((b) => b.problem !== null).map((b) => b.name).sort()).toEqual([cases[0]![1], cases[4]![1]].sort());
    expect(core.call('boards.list', {}).map((b) => b.name)).toContain('NHS Today');
    expect(backupsOf(core.file)).toHaveLength(6);
    expect(fs.existsSync(`${core.file}.restoring`)).toBe(false);

    // A backup made by an earlier version has no checksum: still restored, after every other check.
    fs.rmSync(path.join(folder, `${good.name}.sha256`));
    expect(core.call('backups.list', {}).find((b) => b.name === good.name)).toMatchObject({ hasChecksum: false, problem: null });
    expect(core.call('backups.restore', { name: good.name }).restored.name).toBe(good.name);
    expect(core.call('boards.list', {}).map((b) => b.name)).not.toContain('NHS Today');
    core.close();
  });

  it('backs up at start-up at most once a day, and not an empty database', () => {
    const file = path.join(tempDir(), 'estates.sqlite');
    let now = new Date('2026-11-23T08:00:00.000Z');
    const open = () => createTestCore({ file, now: () => now });
    let core = open();
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
    core.call('boards.create', { name: 'NHS Daily' });
    core.close();
    core = open();
    core.close();
    now = new Date('2026-11-23T17:00:00.000Z');
    core = open();
    core.close();
    expect(backupsOf(file)).toEqual(['backup-00001-20261123-080000-startup.sqlite']);
    now = new Date('2026-11-24T08:30:00.000Z');
    core = open();
    expect(core.call('backups.list', {}).map((b) => b.reason)).toEqual(['startup', 'startup']);
    core.close();
  });

  it('is driven from the command line: backup, backups, restore NAME', { timeout: processBudget(6) }, () => {
    const db = path.join(tempDir(), 'cli.sqlite');
    const cli = (...args: string[]) => runCli(...args, '--db', db);
    expect(cli('call', 'boards.create', '{"name":"NHS Command"}').code).toBe(0);
    const made = cli('backup');
    expect(made.code).toBe(0);
    const name = /Backed up to (\S+)/.exec(made.stdout)![1]!;
    expect(cli('call', 'boards.create', '{"name":"NHS Extra"}').code).toBe(0);
    expect(cli('backups').stdout).toContain(`${name}`);
    const restored = cli('restore', name);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Restored backup-.*1 boards, 0 sites, 0 wards/);
    expect(JSON.parse(cli('call', 'boards.list').stdout)).toHaveLength(1);
  });

  it('refuses to restore while another window or process has the database open, and restores once it has gone', async () => {
    const core = createTestCore();
    const { ward } = makeWard(core, { bedCount: 4 });
    core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const backup = core.call('backups.create', {});
    const assessment = startAssessment(core, ward.id);

    // A second core in this process (another window): refused, naming it.
    const other = createTestCore({ file: core.file });
    const refusedHere = core.raw('backups.restore', { name: backup.name });
    expect(!refusedHere.ok && refusedHere.error.message).toMatch(
      new RegExp(`^The backup ${backup.name} was not restored: this database is also open in the command line \\(opened 2026-11-23 10:00 UTC, process ${process.pid}\\)\\. Close it there first`),
    );
    other.close();

    // Another process writing answers at full speed: refused while it runs; the database is untouched.
    const writer = spawn(process.execPath, ['--import', 'tsx', path.join(APP_ROOT, 'tests', 'fixtures', 'crash-writer.ts'), core.file, assessment.id, '0'], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => writer.on('close', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        writer.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        writer.on('error', reject);
        writer.on('close', () => reject(new Error('the writer stopped before it was ready')));
      });
      const refused = core.raw('backups.restore', { name: backup.name });
      expect(!refused.ok && refused.error.message).toContain(`process ${writer.pid}`);
      expect(core.call('assessments.get', { id: assessment.id }).id).toBe(assessment.id);
    } finally {
      writer.kill('SIGKILL');
      await exited;
    }

    // Killed, it left its note behind; a dead process's note does not count, and is cleared.
    expect(fs.readdirSync(presenceFolder(core.file))).toHaveLength(2);
    expect(core.call('backups.restore', { name: backup.name }).restored.name).toBe(backup.name);
    expect(fs.readdirSync(presenceFolder(core.file))).toHaveLength(1);
    expect(core.raw('assessments.get', { id: assessment.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    core.close();
    expect(fs.readdirSync(presenceFolder(core.file))).toEqual([]);
  });
});
