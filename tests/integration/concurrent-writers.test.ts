import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { serialiseReturn } from '../../src/shared/exchange';
import { startAssessment } from '../helpers/assessments';
import { cli } from '../helpers/cli';
import { APP_ROOT, createTestCore, makeWard, tempDir } from '../helpers/core';
import { sampleBoard } from '../helpers/exchange';

// The desktop app, a browser (npm run web) and the command line may all have one database file
// open and write to it at once. Three processes record answers (each save reads, then writes, in
// one transaction) and add areas on the same file for a while: not one save may fail. They start
// in the same second, so their start-up backups must not trip over each other either.

const WRITERS = 3;
const SECONDS = Number(process.env.MHEA_SOAK_SECONDS ?? 12);
const WRITER = path.join(APP_ROOT, 'tests', 'fixtures', 'soak-writer.ts');

interface Outcome {
  saved: number;
  failed: number;
  errors: { message: string; count: number }[];
}

function runWriter(file: string, assessmentId: string, wardId: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, assessmentId, wardId, String(SECONDS)], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`A writer failed (exit ${String(code)}): ${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Outcome);
    });
  });
}

describe('several processes writing to one database', () => {
  it(`loses no save with ${WRITERS} processes writing at once for ${SECONDS} s`, { timeout: 120_000 }, async () => {
    const setup = createTestCore();
    const { ward } = makeWard(setup, { bedCount: 6 });
    for (const name of ['Bedroom 1', 'Bedroom 2']) setup.call('areas.create', { wardId: ward.id, type: 'bedroom', name, supervisionTier: 3 });
    setup.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
    const assessment = startAssessment(setup, ward.id);
    const file = setup.file;
    setup.close();
    // No backup yet, and an estate to lose: every writer wants its start-up backup, in the same second.
    fs.rmSync(path.join(path.dirname(file), 'backups'), { recursive: true, force: true });

    const outcomes = await Promise.all(Array.from({ length: WRITERS }, () => runWriter(file, assessment.id, ward.id)));
    const saved = outcomes.reduce((n, o) => n + o.saved, 0);
    const failed = outcomes.reduce((n, o) => n + o.failed, 0);
    console.log(`${WRITERS} writers, ${SECONDS} s: ${saved} saves, ${failed} failed`, JSON.stringify(outcomes.flatMap((o) => o.errors)));
    expect(outcomes.flatMap((o) => o.errors)).toEqual([]);
    expect(failed).toBe(0);
    expect(outcomes.every((o) => o.saved > 50)).toBe(true);

    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // One start-up backup or several (each named apart), all whole; no half-written file left.
    const backups = fs.readdirSync(path.join(path.dirname(file), 'backups'));
    expect(backups.filter((name) => !/^backup-\d{5}-\d{8}-\d{6}-startup\.sqlite(\.sha256)?$/.test(name))).toEqual([]);
    for (const name of backups.filter((n) => n.endsWith('.sqlite'))) {
      const copy = new Database(path.join(path.dirname(file), 'backups', name), { readonly: true });
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      copy.close();
    }
  });
});

describe('an import from the command line while the app writes', () => {
  it('imports a return in one transaction while another process saves answers, and neither fails', { timeout: 120_000 }, async () => {
    const source = createTestCore();
    const { board } = sampleBoard(source, 'NHS Imported Meanwhile');
    const returnFile = path.join(tempDir(), 'return.json');
    fs.writeFileSync(returnFile, serialiseReturn(source.call('exchange.export', { boardId: board.id })));
    source.close();

    const setup = createTestCore();
    const { ward } = makeWard(setup, { bedCount: 6 });
    setup.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const assessment = startAssessment(setup, ward.id);
    setup.close();

    const writing = runWriter(setup.file, assessment.id, ward.id);
    const imported = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      // Give the writer a head start, so the import meets it mid-flight.
      setTimeout(() => resolve(cli('import', returnFile, '--db', setup.file)), 3_000);
    });
    const writer = await writing;
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^return\.json: imported NHS Imported Meanwhile: 2 assessments added/);
    expect(writer).toMatchObject({ failed: 0, errors: [] });
  });
});

function backupAt(file: string, clock: string, startAt: number): Promise<{ ok: boolean; data?: { name: string }; error?: { message: string } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(APP_ROOT, 'tests', 'fixtures', 'backup-at.ts'), file, clock, String(startAt)], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1)!));
      } catch {
        reject(new Error(`The backup process printed no result: ${stdout} ${stderr}`));
      }
    });
  });
}

describe('backups made by several processes in the same second', () => {
  it('each makes its own whole backup: temporary files never collide and no name is taken twice', { timeout: 120_000 }, async () => {
    const setup = createTestCore();
    makeWard(setup);
    // Some history, so that writing a copy takes long enough for the processes to overlap.
    setup.store.sqlite
      .prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) SELECT '2026-11-23T10:00:00Z', 'history', 'update', 'area', hex(randomblob(16)), hex(randomblob(200)), hex(randomblob(200)) FROM n")
      .run();
    const file = setup.file;
    setup.close();
    fs.rmSync(path.join(path.dirname(file), 'backups'), { recursive: true, force: true });
    const startAt = Date.now() + 8_000; // time for every process to start and open the database
    const results = await Promise.all(Array.from({ length: 4 }, () => backupAt(file, '2026-11-23T10:00:00.000Z', startAt)));
    expect(results.map((r) => r.error?.message ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'ok']);
    const names = results.map((r) => r.data!.name);
    expect(new Set(names).size).toBe(4);
    const folder = path.join(path.dirname(file), 'backups');
    const files = fs.readdirSync(folder);
    expect(files.filter((n) => n.endsWith('-manual.sqlite')).sort()).toEqual([...names].sort());
    expect(files.filter((n) => n.includes('partial'))).toEqual([]);
    for (const name of files.filter((n) => n.endsWith('.sqlite'))) {
      const copy = new Database(path.join(folder, name), { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
    }
  });
});
