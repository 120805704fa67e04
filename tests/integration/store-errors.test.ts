import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_HEADER, startWebServer } from '../../src/web/server';
import { goodValue, instancesOf, startAssessment } from '../helpers/assessments';
import { cli } from '../helpers/cli';
import { APP_ROOT, createTestCore, makeWard, tempDir, type TestCore } from '../helpers/core';
import { processBudget } from '../helpers/budgets';

// What a person is told when the disk is full, the file cannot be written, their account may not
// use it, or another process holds it: each its own code, a message they can act on, the right
// HTTP status, and a command line that prints it without a stack trace. Each is produced for
// real: a small tmpfs that fills up, files owned by another account, a second process holding
// SQLite's write lock.

const TSX = path.join(APP_ROOT, 'node_modules', '.bin', 'tsx');
const isRoot = process.getuid?.() === 0;

/** Posts an operation to a web door over HTTP; returns the status and the parsed Result. */
async function overHttp(core: TestCore, operation: string, input: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
  const rendererDir = path.join(tempDir(), 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const server = await startWebServer({ dispatch: core.dispatch, rendererDir, port: 0 });
  try {
    return await new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: `/rpc/${operation}`, headers: { 'Content-Type': 'application/json', [KEY_HEADER]: server.key } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  } finally {
    await server.close();
  }
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at \S/);

/** Fills what is left of the disk holding `dir` with one file; returns a way to free it. */
function fillDisk(dir: string): () => void {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  // Down to the last bytes, so not even a page fits.
  for (let size = 4096; size >= 1; size = Math.floor(size / 2)) {
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(size, 1));
    } catch {
      // this size no longer fits; try a smaller one
    }
  }
  fs.closeSync(fd);
  return () => fs.rmSync(filler);
}

describe('errors that say what is wrong', () => {
  it('says the disk is full (code, HTTP 507, command line) and saves again once space is freed', { timeout: 120_000 }, async (context) => {
    const dir = tempDir();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir]);
    } catch {
      // Mounting a small disk needs root; without it, SQLite's own page limit gives the same SQLITE_FULL.
      context.annotate('tmpfs could not be mounted: disk full made with PRAGMA max_page_count instead');
    }
    const mounted = fs.readFileSync('/proc/mounts', 'utf8').includes(` ${dir} tmpfs `);
    try {
      const core = createTestCore({ file: path.join(dir, 'estates.sqlite') });
      const { ward } = makeWard(core);
      core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
      const assessment = startAssessment(core, ward.id);
      const { item, areaId } = instancesOf(core, assessment)[0]!;
      const answer = { assessmentId: assessment.id, itemId: item.id, areaId, value: goodValue(item), assessorId: assessment.assessors[0]!.id };
      // The write-ahead log emptied, so the next write needs new space on the disk.
      core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      let free: () => void;
      if (mounted) free = fillDisk(dir);
      else {
        const pages = core.store.sqlite.pragma('page_count', { simple: true }) as number;
        core.store.sqlite.pragma(`max_page_count = ${pages}`);
        free = () => core.store.sqlite.pragma('max_page_count = 1073741823');
      }

      const refused = core.raw('answers.record', answer);
      expect(refused).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      expect(!refused.ok && refused.error.message).toBe(`The disk holding estates.sqlite is full: this answer was not saved. Free some space on that disk (the database is in ${dir}) and try again.`);
      const viaHttp = await overHttp(core, 'boards.create', { name: 'NHS No Room' });
      expect(viaHttp.status).toBe(507);
      expect(viaHttp.body.error).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/^The disk holding estates\.sqlite is full: this change was not saved/) });
      if (mounted) {
        const onCli = cli('call', 'boards.create', '{"name":"NHS No Room"}', '--db', path.join(dir, 'estates.sqlite'));
        expect(onCli.code).toBe(1);
        // Not even the small note saying who has the file open fits: the command line cannot start.
        expect(onCli.stderr).toMatch(/^DISK_FULL: The disk holding estates\.sqlite is full: the app cannot open it\. Free some space on that disk/m);
        noStackTrace(onCli.stderr);
      }

      free();
      expect(core.call('answers.record', answer).value).toBe(answer.value);
      expect(core.call('boards.list', {}).map((b) => b.name)).not.toContain('NHS No Room');
      core.close();
    } finally {
      if (mounted) execFileSync('umount', ['--lazy', dir]);
    }
  });

  it('says the file is read-only, or that this account may not use it, on the command line without a stack trace', { timeout: processBudget(2) }, () => {
    // Run as another account (root may write anything), or as ourselves where we are not root.
    const as = isRoot ? { uid: 65534, gid: 65534 } : {};
    const owner = isRoot ? { uid: 65534, gid: 65534 } : { uid: process.getuid!(), gid: process.getgid!() };
    const runCli = (...args: string[]) => {
      const run = spawnSync(TSX, ['src/cli/index.ts', ...args], { cwd: APP_ROOT, encoding: 'utf8', env: { ...process.env, MHEA_DB: '', HOME: scratchHome() }, ...as });
      return { code: run.status, stdout: run.stdout, stderr: run.stderr };
    };
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, 'estates.sqlite');
    const setup = createTestCore({ file });
    makeWard(setup);
    setup.call('backups.create', {});
    setup.close();
    for (const f of [dir, file, ...fs.readdirSync(path.join(dir, 'backups')).map((n) => path.join(dir, 'backups', n)), path.join(dir, 'backups')]) fs.chownSync(f, owner.uid, owner.gid);
    fs.rmSync(`${file}.open`, { recursive: true, force: true });

    // Read-only: the file's write permission taken away (as a read-only copy from a share or a CD would be).
    fs.chmodSync(file, 0o444);
    const readOnly = runCli('call', 'boards.create', '{"name":"NHS Read Only"}', '--db', file);
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toMatch(/^READ_ONLY: estates\.sqlite cannot be written: the file, its folder or the disk it is on is read-only, so this change was not saved\. Make it writable/m);
    noStackTrace(readOnly.stderr);

    // Permission denied: the file belongs to someone else and this account may not read it.
    fs.chmodSync(file, 0o600);
    fs.chownSync(file, 0, 0);
    if (!isRoot) fs.chmodSync(file, 0o000);
    const denied = runCli('call', 'boards.list', '--db', file);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(new RegExp(`^PERMISSION_DENIED: This user account is not allowed to use ${file.replaceAll('/', '\\/')} .*so the app cannot open it\\. Ask your IT service desk`, 'm'));
    noStackTrace(denied.stderr);
  });

  it('says which process holds the database when it stays locked past the wait (code LOCKED, HTTP 423)', { timeout: 60_000 }, async () => {
    const setup = createTestCore();
    makeWard(setup);
    const file = setup.file;
    setup.close();
    const holder = spawn(process.execPath, ['--import', 'tsx', path.join(APP_ROOT, 'tests', 'fixtures', 'lock-holder.ts'), file, '30'], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => holder.on('close', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
        holder.on('close', () => reject(new Error('the lock holder stopped before it held the lock')));
      });
      const core = createTestCore({ file, busyTimeoutMs: 300 });
      const refused = core.raw('boards.create', { name: 'NHS Waiting' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      expect(!refused.ok && refused.error.message).toMatch(
        new RegExp(`^This change was not saved: the command line \\(opened \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC, process ${holder.pid}\\) kept the database busy for more than 0 seconds\\. Wait for it to finish`),
      );
      const viaHttp = await overHttp(core, 'answers.record', { assessmentId: '00000000-0000-4000-8000-000000000000', itemId: 'Q1', areaId: null, value: 'yes', assessorId: '00000000-0000-4000-8000-000000000000' });
      expect(viaHttp.status).toBe(423);
      expect(viaHttp.body.error?.message).toMatch(/^This answer was not saved: the command line/);
      // Reading is never held up by another process's write.
      expect(core.call('boards.list', {})).toHaveLength(1);
      core.close();
    } finally {
      holder.kill('SIGKILL');
      await exited;
    }
  });
});

/** A home folder the other account can use (tsx keeps a cache there). */
function scratchHome(): string {
  const home = tempDir('mhea-home-');
  fs.chmodSync(home, 0o777);
  return home;
}
