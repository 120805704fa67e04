import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core';
import { itemInstances, type AreaForApplicability } from '../../src/shared/templates';
import { startAssessment } from '../helpers/assessments';
import { APP_ROOT, MIGRATIONS, RESOURCES, createTestCore, makeWard } from '../helpers/core';
import { crashValue } from '../fixtures/crash-values';
import { processBudget } from '../helpers/budgets';

// A process records answers at full speed through the real core and is killed with SIGKILL at
// random moments, again and again, on the same database. Every answer it acknowledged (printed
// after the service returned) must be there afterwards, and the file must pass integrity_check.

const KILLS = 15;
const WRITER = path.join(APP_ROOT, 'tests', 'fixtures', 'crash-writer.ts');


/**
 * Starts the writer, lets it acknowledge a random number of answers (11 to 60), then SIGKILLs it a
 * random few milliseconds later, mid-way through a later write. Counting acknowledgements rather
 * than milliseconds keeps every run doing the same amount of work on a busy machine as on a quiet one.
 */
function writeThenKill(file: string, assessmentId: string, firstSeq: number, acked: Map<string, number>): Promise<void> {
  return new Promise((resolve, reject) => {
    // node itself (not the tsx wrapper, which would leave its node child running after a SIGKILL).
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', WRITER, file, assessmentId, String(firstSeq)], { cwd: APP_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let count = 0;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const killAfter = 11 + Math.floor(Math.random() * 50);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [word, id, seq] = line.split(' ');
        if (word !== 'ack' || !id || !seq) continue;
        acked.set(id, Math.max(acked.get(id) ?? -1, Number(seq)));
        count++;
        if (count === killAfter) timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 20));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`The writer stopped by itself (code ${String(code)}): ${stderr}`));
      else resolve();
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged answer and a sound file through ${KILLS} SIGKILLs mid-write`, { timeout: processBudget(KILLS) }, async () => {
    const setup = createTestCore();
    const { ward } = makeWard(setup, { bedCount: 10 });
    for (let i = 1; i <= 10; i++) setup.call('areas.create', { wardId: ward.id, type: 'bedroom', name: `Bedroom ${i}`, supervisionTier: 3 });
    setup.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
    const assessment = startAssessment(setup, ward.id);
    const file = setup.file;
    const areas: AreaForApplicability[] = assessment.areas.map((a) => ({ id: a.areaId, type: a.type as AreaForApplicability['type'], supervisionTier: a.supervisionTier }));
    const itemsById = new Map(
      Object.values(assessment.templates).flatMap((key) => itemInstances(setup.call('templates.get', { key }).items as Parameters<typeof crashValue>[0][], areas)).map((i) => [i.item.id, i.item]),
    );
    setup.close();

    const acked = new Map<string, number>();
    for (let kill = 0; kill < KILLS; kill++) await writeThenKill(file, assessment.id, kill * 1_000_000, acked);

    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const rows = new Map(
      (sqlite.prepare('SELECT id, item_id AS itemId, value, note FROM answers WHERE assessment_id = ?').all(assessment.id) as { id: string; itemId: string; value: string; note: string }[]).map((r) => [r.id, r]),
    );
    let newerThanAck = 0;
    for (const [id, seq] of acked) {
      const row = rows.get(id);
      expect(row, `acknowledged answer ${id} (seq ${seq}) is missing`).toBeDefined();
      const stored = Number(row!.note.replace('seq ', ''));
      // A write can commit and be killed before its acknowledgement is printed: newer is fine,
      // older would be a lost answer.
      expect(stored, `answer ${id}: acknowledged seq ${seq}, found seq ${stored}`).toBeGreaterThanOrEqual(seq);
      if (stored > seq) newerThanAck++;
      expect(JSON.parse(row!.value)).toEqual(crashValue(itemsById.get(row!.itemId)!, stored));
    }
    expect(newerThanAck).toBeLessThanOrEqual(KILLS);
    sqlite.close();

    // The survivor still opens, migrates and answers.
    const reopened = createCore({ databaseFile: file, migrationsFolder: MIGRATIONS, resourcesDir: RESOURCES, door: 'cli', appVersion: '0.0.0-test', log: () => undefined });
    expect(reopened.dispatch('answers.list', { assessmentId: assessment.id })).toMatchObject({ ok: true });
    reopened.close();
  });
});
