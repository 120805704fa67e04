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
import { runCli } from '../helpers/cli';

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

  it('is built by the command line into the database named by --db', { timeout: processBudget(1) }, () => {
    const db = path.join(tempDir(), 'national.sqlite');
    const run = runCli('seed-national', '--db', db, '--seed', '5', '--boards', '1', '--wards-per-board', '2');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 boards, \d+ sites, 2 wards, \d+ areas, 6 signed-off assessments/);
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare("SELECT name, code FROM boards").all()).toEqual([{ name: 'NHS Ayrshire & Arran', code: 'S08000015' }]);
    sqlite.close();
  });
});
