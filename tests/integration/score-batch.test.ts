import { describe, expect, it } from 'vitest';
import { scoreAssessment, scoreAssessments } from '../../src/core/services/assessments/score';
import { seedNational } from '../../src/core/services/national/seed';
import { scoredWards } from '../../src/core/services/scores/scored-wards';
import { answerAll, goodValue, instancesOf, startAssessment } from '../helpers/assessments';
import { createTestCore } from '../helpers/core';
import { HEAVY_TEST_MS } from '../helpers/budgets';

// The batched scorer (national views score hundreds of drafts at once) must give exactly what
// scoring each assessment on its own gives: same scores, same issues, same order of everything.

describe('scoreAssessments (batched)', () => {
  it('gives exactly the scores of scoreAssessment for every assessment of a seeded sample, drafts included', { timeout: HEAVY_TEST_MS }, () => {
    const core = createTestCore();
    try {
      seedNational(core.store.db, { seed: 7, boards: 2, wardsPerBoard: 3 });
      const wards = core.store.sqlite.prepare('SELECT id FROM wards ORDER BY id').pluck().all() as string[];
      // Drafts of a new round: one fully answered with some N/A and non-compliant values, one
      // half answered, one with nothing answered yet.
      const full = startAssessment(core, wards[0]!, { round: '2027/28', assessedOn: '2027-09-01' });
      let n = 0;
      answerAll(core, full.id, (item) => (n++ % 5 === 0 && 'response' in item && item.response.type === 'yes_partial_no' ? 'no' : undefined));
      const half = startAssessment(core, wards[1]!, { round: '2027/28', assessedOn: '2027-09-02' });
      instancesOf(core, half)
        .filter((_, i) => i % 2 === 0)
        .forEach(({ item, areaId }) => core.call('answers.record', { assessmentId: half.id, itemId: item.id, areaId, value: goodValue(item), assessorId: half.assessors[0]!.id }));
      startAssessment(core, wards[2]!, { round: '2027/28', assessedOn: '2027-09-03' });

      const ids = core.store.sqlite.prepare('SELECT id FROM assessments ORDER BY id').pluck().all() as string[];
      expect(ids.length).toBeGreaterThan(15);
      const batch = scoreAssessments(core.store.db, ids);
      expect([...batch.keys()].sort()).toEqual(ids);
      for (const id of ids) expect(batch.get(id)).toStrictEqual(scoreAssessment(core.store.db, id));

      // The read model scores drafts through the batch: the same as scoring each one alone.
      for (const ward of scoredWards(core.store.db, { round: '2027/28' })) {
        expect(ward.scores).toStrictEqual(scoreAssessment(core.store.db, ward.assessment.id).scores);
      }
      expect(scoreAssessments(core.store.db, ['no-such-assessment']).size).toBe(0);
    } finally {
      core.close();
    }
  });

  it('reads stored text and numbers exactly as scoring one assessment reads them: quotes, line breaks, unicode, number forms, unknown items and areas, an answer given twice', { timeout: HEAVY_TEST_MS }, () => {
    const core = createTestCore();
    try {
      seedNational(core.store.db, { seed: 11, boards: 1, wardsPerBoard: 2 });
      const sqlite = core.store.sqlite;
      const wards = sqlite.prepare('SELECT id FROM wards ORDER BY id').pluck().all() as string[];
      const draft = startAssessment(core, wards[0]!, { round: '2027/28', assessedOn: '2027-09-01' });
      answerAll(core, draft.id);
      const awkward = 'He said "no" \\ then left\n\ttab \u2028 ✓ 😀 \u0000end';
      // Stored values as another writer might have spelt them: JSON with spaces, exponents, escapes.
      const rows = sqlite.prepare('SELECT id, item_id, area_id, value FROM answers WHERE assessment_id = ? ORDER BY rowid').all(draft.id) as { id: string; item_id: string; area_id: string | null; value: string }[];
      const numeric = rows.find((r) => /^\d/.test(r.value))!;
      sqlite.prepare('UPDATE answers SET value = ? WHERE id = ?').run(' 8e1 ', numeric.id);
      const worded = rows.find((r) => r.value === '"yes"')!;
      sqlite.prepare('UPDATE answers SET value = ? WHERE id = ?').run('"\\u0079es"', worded.id);
      const na = rows.find((r) => r.value === '"yes"' && r.id !== worded.id && r.area_id !== null)!;
      // Near spellings of the common words (read in bulk as small numbers when stored exactly as the
      // answer service writes them): white space around the JSON is the word, other case or inner
      // space is not an answer at all.
      const near = rows.filter((r) => ['"yes"', '"no_risk"'].includes(r.value) && r.id !== worded.id && r.id !== na.id).slice(0, 4);
      ['"yes" ', ' "no_risk"', '"Yes"', '"no_risk "'].forEach((value, i) => sqlite.prepare('UPDATE answers SET value = ? WHERE id = ?').run(value, near[i]!.id));
      sqlite.prepare(`UPDATE answers SET value = '"na"', na_reason = ? WHERE id = ?`).run(awkward, na.id);
      // Ligature prompts marked not applicable: one with a reason, one whose reason is only white space (no reason).
      const prompts = rows.filter((r) => r.item_id.startsWith('L') && r.area_id !== null);
      sqlite.prepare(`UPDATE answers SET value = '"na"', na_reason = ? WHERE id = ?`).run(awkward, prompts[0]!.id);
      sqlite.prepare(`UPDATE answers SET value = '"na"', na_reason = ? WHERE id = ?`).run(' \u2028\t ', prompts[1]!.id);
      // A ward-level answer given twice (the first given counts), an item of no pinned template,
      // and an answer for an area of another ward.
      const copy = sqlite.prepare(
        `INSERT INTO answers (id, assessment_id, item_id, area_id, value, na_reason, note, assessor_id, answered_at)
         SELECT ?, assessment_id, coalesce(?, item_id), coalesce(?, area_id), coalesce(?, value), ?, note, assessor_id, answered_at FROM answers WHERE id = ?`,
      );
      const wardLevel = rows.find((r) => r.area_id === null)!;
      copy.run('dup-1', null, null, null, null, wardLevel.id);
      copy.run('unknown-item', 'ZZ99', null, '"yes"', awkward, wardLevel.id);
      const otherArea = sqlite.prepare('SELECT id FROM areas WHERE ward_id = ? LIMIT 1').pluck().get(wards[1]) as string;
      copy.run('unknown-area', null, otherArea, '"yes"', null, na.id);
      // Points and actions with the same kinds of text.
      const point = sqlite.prepare('SELECT id FROM ligature_points WHERE assessment_id = ? LIMIT 1').pluck().get(draft.id) as string | undefined;
      if (point) {
        sqlite.prepare('UPDATE ligature_points SET element = ?, tier_reason = ?, controls = ? WHERE id = ?').run(awkward, awkward, JSON.stringify([{ kind: 'other', description: awkward }]), point);
      }

      const batch = scoreAssessments(core.store.db, [draft.id]).get(draft.id)!;
      expect(batch).toStrictEqual(scoreAssessment(core.store.db, draft.id));
      const issues = [batch.scores.issues, batch.scores.quality.issues, batch.scores.safety.issues, batch.scores.therapeutic.issues, batch.scores.ligature.issues].flat();
      expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining(['unknown_item', 'unknown_area', 'duplicate_answer', 'na_without_reason', 'invalid_value']));
      expect(batch.scores.ligature.issues.filter((i) => i.code === 'na_without_reason').map((i) => i.areaId)).toEqual([prompts[1]!.area_id]);
    } finally {
      core.close();
    }
  });
});
