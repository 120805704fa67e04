import { getTableColumns, getTableName } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { NOT_MERGED, STORED_KINDS } from '../../src/core/services/merge/records';
import { RECORD_KINDS } from '../../src/shared/merge/kinds';
import { createTestCore } from '../helpers/core';
import { answerAll } from '../helpers/assessments';
import { ONE_PIXEL_PNG, answer, handOut, takeAssessment, wardInItsSecondRound } from '../helpers/merge';

// A merge must carry every column of every record of an assessment, including columns added
// later: every table holding an assessment's data is a kind of record merged here (or is named,
// with the reason, as not merged), and a hand-out reproduces every such row exactly elsewhere.

describe('what a merge covers', () => {
  it('knows every table that holds an assessment’s data', () => {
    const core = createTestCore();
    const tables = (core.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
      .map((t) => t.name)
      .filter((name) => (core.store.sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).some((c) => c.name === 'assessment_id'));
    const merged = RECORD_KINDS.map((kind) => getTableName(STORED_KINDS[kind].table));
    for (const table of tables) expect(merged.includes(table) || table in NOT_MERGED, `${table} holds assessment data but is neither merged nor listed as not merged`).toBe(true);
  });

  it('reproduces every column of every record on the device that takes the hand-out', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { round } = wardInItsSecondRound(board);
    const assessorId = round.assessors[0]!.id;
    for (const recheck of board.call('rechecks.list', { assessmentId: round.id })) board.call('rechecks.decide', { recheckId: recheck.id, outcome: 'still_present', note: 'Still there', assessorId });
    answerAll(board, round.id);
    const noted = answer(board, round.id, 'Q08', null, 'na', { naReason: 'Single-sex ward', note: 'Checked with the charge nurse' });
    board.call('photos.add', { assessmentId: round.id, answerId: noted.id, fileName: 'ward.png', mimeType: 'image/png', dataBase64: ONE_PIXEL_PNG, caption: 'Corridor', assessorId });
    const added = board.call('assessments.addArea', { assessmentId: round.id, type: 'garden', name: 'Courtyard', supervisionTier: 3, tierOverrideReason: 'Used alone' });
    board.call('assignments.set', { assessmentId: round.id, areaIds: [added.area.id], assessorId });

    takeAssessment(laptop, handOut(board, round.id));
    for (const kind of RECORD_KINDS) {
      const table = getTableName(STORED_KINDS[kind].table);
      const scope = getTableColumns(STORED_KINDS[kind].table)[STORED_KINDS[kind].scope as never] as unknown as { name: string };
      const rows = (core: typeof board) => core.store.sqlite.prepare(`SELECT * FROM "${table}" WHERE "${scope.name}" = ? ORDER BY 1, 2`).all(round.id);
      const here = rows(board);
      expect(here.length, `${table} has rows to compare`).toBeGreaterThan(0);
      expect(rows(laptop), table).toEqual(here);
    }
  });
});
