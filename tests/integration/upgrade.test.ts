import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheScores, scoredWards } from '../../src/core/services/scores/scored-wards';
import { APP_ROOT, MIGRATIONS, createTestCore, tempDir } from '../helpers/core';
import { dumpTables } from '../helpers/dump';

// The previous release's database (migrations 0000–0002, made by
// tests/fixtures/make-previous-release-db.ts) opened by this version: migrated without losing or
// changing a row, a copy kept from before migrating, and the new features working on it.

const FIXTURE = path.join(APP_ROOT, 'tests', 'fixtures', 'previous-release.sqlite');
const OLD_MIGRATIONS = 3;
const CURRENT_MIGRATIONS = (JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

function readDump(file: string) {
  const sqlite = new Database(file, { readonly: true });
  const dump = dumpTables(sqlite);
  sqlite.close();
  return dump;
}

function columnsOf(file: string): Record<string, string[]> {
  const sqlite = new Database(file, { readonly: true });
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  const columns = Object.fromEntries(tables.map((t) => [t.name, (sqlite.pragma(`table_info("${t.name}")`) as { name: string }[]).map((c) => c.name)]));
  sqlite.close();
  return columns;
}

describe('upgrading from the previous release', () => {
  it('migrates the previous schema without losing or changing a row, and keeps a pre-migration copy', () => {
    const file = path.join(tempDir(), 'estates.sqlite');
    fs.copyFileSync(FIXTURE, file);
    const before = readDump(file);
    expect(before.__drizzle_migrations).toHaveLength(OLD_MIGRATIONS);
    expect(before.answers!.length).toBeGreaterThan(500);
    expect(before.ligature_points!.length).toBeGreaterThan(0);
    expect(before.actions!.length).toBeGreaterThan(0);

    const core = createTestCore({ file });
    expect(core.call('app.info', {}).schemaVersion).toBe(CURRENT_MIGRATIONS);
    const sqlite = core.store.sqlite;
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    // Compared on the columns the old schema had: later migrations may add columns (e.g. the
    // ward snapshot at sign-off, null for these drafts), never change what was there.
    const oldColumns = columnsOf(file.replace(/estates\.sqlite$/, 'estates.sqlite.before-migration-' + OLD_MIGRATIONS + '.bak'));
    const after = dumpTables(sqlite, { columns: oldColumns });
    for (const [table, rows] of Object.entries(before)) {
      const kept = new Set(after[table]);
      const lost = rows.filter((row) => !kept.has(row));
      expect(lost, `${table}: rows lost or changed by the upgrade`).toEqual([]);
      // Only the migrations journal grows (and the audit log, should start-up ever record anything).
      if (table !== '__drizzle_migrations' && table !== 'audit_log') expect(after[table], table).toHaveLength(rows.length);
    }
    expect(after.__drizzle_migrations).toHaveLength(CURRENT_MIGRATIONS);
    // The columns method 2 added to the register start empty on every old point: no tier reason,
    // no lead's confirmation (drafts are confirmed when they are signed off).
    const added = sqlite.prepare('SELECT count(*) AS n, count(tier_reason) AS reasons, count(other_control_confirmed_by) AS confirmedBy, count(other_control_confirmed_at) AS confirmedAt FROM ligature_points').get();
    expect(added).toEqual({ n: before.ligature_points!.length, reasons: 0, confirmedBy: 0, confirmedAt: 0 });

    const backup = `${file}.before-migration-${OLD_MIGRATIONS}.bak`;
    expect(fs.existsSync(backup)).toBe(true);
    expect(readDump(backup)).toEqual(before);
    core.close();
  });

  it('lets the upgraded database carry on: answer, score, cache scores and list current wards', () => {
    const file = path.join(tempDir(), 'estates.sqlite');
    fs.copyFileSync(FIXTURE, file);
    const core = createTestCore({ file });
    const drafts = core.store.sqlite.prepare("SELECT id FROM assessments WHERE status = 'draft' ORDER BY assessed_on").all() as { id: string }[];
    expect(drafts).toHaveLength(2);
    const full = core.call('assessments.get', { id: drafts[0]!.id });

    // The half-done walkthrough continues where it stopped.
    const half = core.call('assessments.get', { id: drafts[1]!.id });
    const answered = core.call('answers.list', { assessmentId: half.id });
    const next = core.call('answers.record', { assessmentId: half.id, itemId: 'T03', areaId: null, value: 'yes', assessorId: half.assessors[0]!.id });
    expect(core.call('answers.list', { assessmentId: half.id }).length).toBeGreaterThanOrEqual(answered.length);
    expect(next.value).toBe('yes');

    const scored = core.call('assessments.score', { id: full.id });
    expect(scored.scores.ligature.prompts.complete).toBe(true);
    // The read model added after that release (migration 0004) works on the old records (both
    // drafts, so they count only when drafts are asked for).
    expect(scoredWards(core.store.db)).toEqual([]);
    const current = scoredWards(core.store.db, { includeDrafts: true });
    expect(current.map((w) => w.assessment.id).sort()).toEqual(drafts.map((d) => d.id).sort());
    expect(current.find((w) => w.assessment.id === full.id)!.scores).toEqual(scored.scores);
    const cached = core.store.db.transaction((tx) => cacheScores(tx, { now: () => new Date('2026-11-23T10:00:00.000Z') }, full.id));
    expect(cached).toEqual(scored.scores);
    expect(core.store.sqlite.prepare('SELECT count(*) AS n FROM assessment_scores').get()).toEqual({ n: 1 });
    core.close();
  });
});
