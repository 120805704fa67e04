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
    const bedroom1 = round.areas.find((a) => a.name === 'Bedroom 1')!.areaId;
    answerAll(board, round.id, (item, areaId) => (item.id === 'L01' && areaId === bedroom1 ? 'risk_present' : undefined));
    board.call('ligaturePoints.create', { assessmentId: round.id, areaId: bedroom1, itemId: 'L01', element: 'Door closer', heightBand: 'above_head', tier: 3, description: 'Overhead closer arm', controls: [{ kind: 'electronic_detection', description: 'Door-top alarm, tested weekly' }], likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 2, severityAfter: 5, assessorId });
    const noted = answer(board, round.id, 'Q08', null, 'na', { naReason: 'Single-sex ward', note: 'Checked with the charge nurse' });
    const photo = board.call('photos.add', { assessmentId: round.id, answerId: noted.id, fileName: 'ward.png', mimeType: 'image/png', dataBase64: ONE_PIXEL_PNG, caption: 'Corridor', assessorId });
    board.call('photos.update', { id: photo.id, caption: 'Corridor, east end', markup: [{ kind: 'circle', x: 0.5, y: 0.5, r: 0.2 }], assessorId });
    // And one without mark-up, which stays NULL (not the JSON text "null").
    board.call('photos.add', { assessmentId: round.id, answerId: noted.id, fileName: 'door.png', mimeType: 'image/png', dataBase64: ONE_PIXEL_PNG, caption: null, assessorId });
    const added = board.call('assessments.addArea', { assessmentId: round.id, type: 'garden', name: 'Courtyard', supervisionTier: 3, tierOverrideReason: 'Used alone' });
    board.call('assignments.set', { assessmentId: round.id, areaIds: [added.area.id], assessorId });
    // Ward round work: a room filled from its sample with a copied point confirmed, and a route of this device's own.
    const bedroom2 = board.call('assessments.addArea', { assessmentId: round.id, type: 'bedroom', name: 'Bedroom 2', supervisionTier: 3 }).area.id;
    const fill = board.call('answers.fillFromSample', { assessmentId: round.id, sourceAreaId: bedroom1, targetAreaIds: [bedroom2], assessorId });
    board.call('ligaturePoints.confirmCopy', { id: fill.points[0]!.id, assessorId });
    const route = board.call('assessments.get', { id: round.id }).areas.map((a) => a.areaId).reverse();
    board.call('assessments.setRoute', { assessmentId: round.id, route: [...route, 'ward'] });

    takeAssessment(laptop, handOut(board, round.id));
    for (const kind of RECORD_KINDS) {
      const { table, scope, local = {} } = STORED_KINDS[kind];
      const columns = getTableColumns(table) as Record<string, { name: string }>;
      // A device's own route and which of its fills wrote a record stay on that device.
      const own = new Set(Object.keys(local).map((field) => columns[field]!.name));
      const rows = (core: typeof board) =>
        (core.store.sqlite.prepare(`SELECT * FROM "${getTableName(table)}" WHERE "${columns[scope]!.name}" = ? ORDER BY 1, 2`).all(round.id) as Record<string, unknown>[]).map((row) =>
          Object.fromEntries(Object.entries(row).filter(([column]) => !own.has(column))),
        );
      const here = rows(board);
      expect(here.length, `${getTableName(table)} has rows to compare`).toBeGreaterThan(0);
      expect(rows(laptop), getTableName(table)).toEqual(here);
    }
    const fillIds = (core: typeof board) => core.store.sqlite.prepare('SELECT count(*) AS n FROM answers WHERE fill_id IS NOT NULL').get();
    expect(fillIds(board)).toEqual({ n: fill.answers.length });
    expect(fillIds(laptop)).toEqual({ n: 0 });
    expect(laptop.call('assessments.get', { id: round.id }).areas.find((a) => a.areaId === bedroom2)).toMatchObject({ sampleAreaId: bedroom1 });
  });
});
