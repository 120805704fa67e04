import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCORING_ENGINE_VERSION } from '../../src/shared/scoring';
import { seedNational } from '../../src/core/services/national/seed';
import { scoredWards } from '../../src/core/services/scores/scored-wards';
import { scoreAssessment } from '../../src/core/services/assessments/score';
import { createTestCore, tempDir } from '../helpers/core';
import { hashTables } from '../helpers/dump';
import { HEAVY_TEST_MS, processBudget } from '../helpers/budgets';
import { cli } from '../helpers/cli';
import { serialiseReturn } from '../../src/shared/exchange/serialise';

const SMALL = { boards: 2, wardsPerBoard: 2 };

function seeded(seed: number) {
  const core = createTestCore();
  const summary = seedNational(core.store.db, { seed, ...SMALL });
  return { core, summary };
}

describe('the synthetic national estate', () => {
  it('is the same, row for row, when built twice from the same seed, and differs for another seed', { timeout: HEAVY_TEST_MS }, () => {
    const first = seeded(7);
    const second = seeded(7);
    const other = seeded(8);
    expect(second.summary).toEqual(first.summary);
    expect(hashTables(second.core.store.sqlite)).toBe(hashTables(first.core.store.sqlite));
    expect(hashTables(other.core.store.sqlite)).not.toBe(hashTables(first.core.store.sqlite));
    for (const c of [first, second, other]) c.core.close();
  });

  it('holds three rounds of fully answered, signed-off assessments whose cached scores match the engine', { timeout: HEAVY_TEST_MS }, () => {
    const { core, summary } = seeded(3);
    expect(summary).toMatchObject({ boards: 2, wards: 4, assessments: 12 });
    expect(summary.answers).toBeGreaterThan(12 * 100);
    expect(summary.ligaturePoints).toBeGreaterThan(0);
    expect(summary.actions).toBeGreaterThan(0);
    const sqlite = core.store.sqlite;
    expect(sqlite.prepare("SELECT round, count(*) AS n FROM assessments WHERE status = 'signed_off' GROUP BY round ORDER BY round").all()).toEqual([
      { round: '2024/25', n: 4 },
      { round: '2025/26', n: 4 },
      { round: '2026/27', n: 4 },
    ]);
    // Each later round follows on from the ward's previous one.
    expect(sqlite.prepare("SELECT count(*) AS n FROM assessments WHERE round <> '2024/25' AND previous_assessment_id IS NULL").get()).toEqual({ n: 0 });
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);

    // Every re-check of the later rounds is decided: the seed signs off through the sign-off service.
    expect(sqlite.prepare('SELECT count(*) AS n FROM rechecks').get()).not.toEqual({ n: 0 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM rechecks WHERE outcome IS NULL').get()).toEqual({ n: 0 });

    const current = scoredWards(core.store.db);
    expect(current).toHaveLength(4);
    for (const ward of current) {
      expect(ward.assessment.round).toBe('2026/27');
      const cached = sqlite.prepare('SELECT engine, scores FROM assessment_scores WHERE assessment_id = ?').get(ward.assessment.id) as { engine: string; scores: string };
      expect(cached.engine).toBe(SCORING_ENGINE_VERSION);
      const live = scoreAssessment(core.store.db, ward.assessment.id).scores;
      expect(JSON.parse(cached.scores)).toEqual(JSON.parse(JSON.stringify(live)));
      expect(live.ligature.prompts.complete).toBe(true);
      expect(live.ligature.prompts.answered).toBe(live.ligature.prompts.applicable);
    }
    core.close();
  });

  it('holds only what the app’s own sign-off accepts: every board’s return verifies, sign-off rules and scores included', { timeout: HEAVY_TEST_MS }, () => {
    const { core } = seeded(11);
    for (const board of core.call('boards.list', {})) {
      const file = core.call('exchange.export', { boardId: board.id });
      expect(file.assessments).toHaveLength(6);
      const verified = core.call('exchange.verify', { fileName: `${board.name}.json`, content: serialiseReturn(file) });
      expect(verified.problem).toBeNull();
      expect(verified.checks).toContain('Every signed-off assessment meets the sign-off rules (completeness, re-checks decided, each risk with its point, reasons given, dates and rounds)');
    }
    core.close();
  });

  it('exercises the rules: floors applied, reasons for lower tiers, "other" controls confirmed, overdue actions, several actions on a point', { timeout: HEAVY_TEST_MS }, () => {
    const core = createTestCore();
    seedNational(core.store.db, { seed: 2, boards: 2, wardsPerBoard: 4 });
    const sqlite = core.store.sqlite;
    const one = (query: string) => (sqlite.prepare(query).get() as { n: number }).n;
    expect(one('SELECT count(*) AS n FROM ligature_points WHERE tier_reason IS NOT NULL')).toBeGreaterThan(0);
    expect(one('SELECT count(*) AS n FROM ligature_points WHERE other_control_confirmed_by IS NOT NULL')).toBeGreaterThan(0);
    expect(one(`SELECT count(*) AS n FROM answers WHERE value = '"na"' AND na_reason IS NOT NULL`)).toBeGreaterThan(0);
    expect(one(`SELECT count(*) AS n FROM answers WHERE value = '"na"' AND na_reason IS NULL`)).toBe(0);
    expect(one('SELECT count(*) AS n FROM (SELECT ligature_point_id FROM actions WHERE ligature_point_id IS NOT NULL GROUP BY ligature_point_id HAVING count(*) > 1)')).toBeGreaterThan(0);
    const wards = scoredWards(core.store.db, { round: '2026/27' }).concat(scoredWards(core.store.db, { round: '2025/26' }));
    expect(wards.reduce((n, w) => n + w.scores.ligature.summary.floorAppliedCount, 0)).toBeGreaterThan(0);
    const overdue = sqlite.prepare("SELECT a.due_date AS due, s.assessed_on AS day, a.status FROM actions a JOIN assessments s ON s.id = a.assessment_id WHERE a.status <> 'complete'").all() as { due: string | null; day: string; status: string }[];
    expect(overdue.some((a) => a.due !== null && a.due < a.day)).toBe(true);
    core.close();
  });

  it('is built by the command line into the database named by --db', { timeout: processBudget(1) }, () => {
    const db = path.join(tempDir(), 'national.sqlite');
    const run = cli('seed-national', '--db', db, '--seed', '5', '--boards', '1', '--wards-per-board', '2');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 boards, \d+ sites, 2 wards, \d+ areas, 6 signed-off assessments/);
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare("SELECT name, code FROM boards").all()).toEqual([{ name: 'NHS Ayrshire & Arran', code: 'S08000015' }]);
    sqlite.close();
  });
});
