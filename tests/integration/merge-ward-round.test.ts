import { describe, expect, it } from 'vitest';
import { goodValue, instancesOf, startAssessment } from '../helpers/assessments';
import { createTestCore, makeWard, type TestCore } from '../helpers/core';
import { answer, handOut, takeAssessment } from '../helpers/merge';

// The ward round's own work on two devices: answers and ligature points copied from a sample room
// travel with where they were copied from (the fill that wrote them stays on its device), a copied
// point confirmed on one device while the other undid the fill is a conflict, never a silent loss,
// and each assessor keeps their own route through the ward.

function setUp() {
  const board = createTestCore();
  const laptop = createTestCore();
  const { ward } = makeWard(board);
  for (const name of ['Bedroom 1', 'Bedroom 2', 'Bedroom 3']) board.call('areas.create', { wardId: ward.id, type: 'bedroom', name, supervisionTier: 3 });
  board.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
  const assessment = startAssessment(board, ward.id);
  const area = (name: string) => assessment.areas.find((a) => a.name === name)!.areaId;
  const assessorId = assessment.assessors[0]!.id;
  takeAssessment(laptop, handOut(board, assessment.id));
  return { board, laptop, assessment, area, assessorId };
}

/** Bedroom 1 answered (its window handle a risk, with its point), then Bedrooms 2 and 3 filled from it. */
function fillBedrooms(core: TestCore, assessmentId: string, area: (name: string) => string, assessorId: string) {
  const bedroom1 = area('Bedroom 1');
  for (const { item } of instancesOf(core, core.call('assessments.get', { id: assessmentId })).filter((i) => i.areaId === bedroom1)) {
    core.call('answers.record', { assessmentId, itemId: item.id, areaId: bedroom1, value: item.id === 'L01' ? 'risk_present' : goodValue(item), assessorId });
  }
  core.call('ligaturePoints.create', { assessmentId, areaId: bedroom1, itemId: 'L01', element: 'Door closer', heightBand: 'above_head', tier: 3, description: 'Overhead closer arm', controls: [{ kind: 'electronic_detection', description: 'Door-top alarm, tested weekly' }], likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 2, severityAfter: 5, assessorId });
  return core.call('answers.fillFromSample', { assessmentId, sourceAreaId: bedroom1, targetAreaIds: [area('Bedroom 2'), area('Bedroom 3')], assessorId });
}

describe('the ward round on two devices', () => {
  it('carries copied answers and points with their sample room; the fill that wrote them stays on its device', () => {
    const { board, laptop, assessment, area, assessorId } = setUp();
    const fill = fillBedrooms(board, assessment.id, area, assessorId);
    expect(fill.points).toHaveLength(2);
    takeAssessment(laptop, handOut(board, assessment.id));

    const copied = laptop.call('answers.list', { assessmentId: assessment.id }).filter((a) => a.areaId === area('Bedroom 3'));
    expect(copied.length).toBeGreaterThan(0);
    for (const a of copied) expect(a).toMatchObject({ copiedFromAreaId: area('Bedroom 1'), fillId: null });
    expect(laptop.call('fills.list', { assessmentId: assessment.id })).toEqual([]);
    expect(laptop.call('assessments.get', { id: assessment.id }).areas.filter((a) => a.sampleAreaId === area('Bedroom 1')).map((a) => a.name)).toEqual(['Bedroom 2', 'Bedroom 3']);
    // The copied points wait to be confirmed in their rooms on the laptop too.
    expect(laptop.call('assessments.signOffCheck', { assessmentId: assessment.id }).pointsToConfirm.map((p) => p.areaName).sort()).toEqual(['Bedroom 2', 'Bedroom 3']);

    // Confirmed on the laptop, the confirmation comes back to the board.
    laptop.call('ligaturePoints.confirmCopy', { id: fill.points[0]!.id, assessorId });
    expect(takeAssessment(board, handOut(laptop, assessment.id))).toMatchObject({ newConflicts: 0 });
    expect(board.call('ligaturePoints.list', { assessmentId: assessment.id }).find((p) => p.id === fill.points[0]!.id)).toMatchObject({ copyConfirmedBy: assessorId, fillId: null });
    expect(board.call('assessments.signOffCheck', { assessmentId: assessment.id }).pointsToConfirm).toHaveLength(1);
  });

  it('keeps a copied point confirmed on one device and an answer given by hand there as conflicts when the other device undid the fill', () => {
    const { board, laptop, assessment, area, assessorId } = setUp();
    const fill = fillBedrooms(board, assessment.id, area, assessorId);
    takeAssessment(laptop, handOut(board, assessment.id));
    const [kept, handAnswered] = [fill.points[0]!, fill.answers.find((a) => a.areaId === area('Bedroom 3') && a.itemId === 'Q10')!];
    laptop.call('ligaturePoints.confirmCopy', { id: kept.id, assessorId });
    answer(laptop, assessment.id, 'Q10', area('Bedroom 3'), 'no', { note: 'Wardrobe hinge loose' });

    // Meanwhile the board undoes the fill: everything still as it wrote it goes, here.
    board.call('fills.undo', { fillId: fill.fill.id, assessorId });
    expect(board.call('answers.list', { assessmentId: assessment.id }).filter((a) => a.areaId === area('Bedroom 3'))).toEqual([]);

    const report = takeAssessment(board, handOut(laptop, assessment.id));
    expect(report.newConflicts).toBe(2);
    const { conflicts } = board.call('merge.conflicts', { assessmentId: assessment.id });
    expect(conflicts.map((c) => [c.kind, c.id, c.reason]).sort()).toEqual(
      [
        ['answer', handAnswered.id, 'edit_and_removal'],
        ['ligature_point', kept.id, 'edit_and_removal'],
      ].sort(),
    );
    // Meanwhile the changed versions stay on screen; what neither device touched since stays undone.
    const answers = board.call('answers.list', { assessmentId: assessment.id });
    expect(answers.filter((a) => a.areaId === area('Bedroom 3')).map((a) => [a.itemId, a.value])).toEqual([['Q10', 'no']]);
    expect(board.call('ligaturePoints.list', { assessmentId: assessment.id }).filter((p) => p.copiedFromPointId !== null).map((p) => p.id)).toEqual([kept.id]);
    // The laptop takes the board's undo and sees the same.
    expect(takeAssessment(laptop, handOut(board, assessment.id))).toMatchObject({ conflicts: 2 });
    expect(laptop.call('answers.list', { assessmentId: assessment.id }).filter((a) => a.areaId === area('Bedroom 3')).map((a) => [a.itemId, a.value])).toEqual([['Q10', 'no']]);
  });

  it('leaves each assessor their own route through the ward; an area added elsewhere joins the end of it', () => {
    const { board, laptop, assessment } = setUp();
    const ids = assessment.areas.map((a) => a.areaId);
    // The laptop that took the hand-out starts on the route a start gives: the ward-level questions, the lounge, the bedrooms.
    expect(assessment.areas.map((a) => a.name)).toEqual(['Lounge', 'Bedroom 1', 'Bedroom 2', 'Bedroom 3']);
    expect(laptop.call('assessments.get', { id: assessment.id })).toMatchObject({ areas: ids.map((areaId) => expect.objectContaining({ areaId })), wardPosition: 0 });

    board.call('assessments.setRoute', { assessmentId: assessment.id, route: [...ids].reverse().concat('ward') });
    laptop.call('assessments.setRoute', { assessmentId: assessment.id, route: ['ward', ...ids] });
    answer(laptop, assessment.id, 'Q01', null, 'B');
    const garden = board.call('assessments.addArea', { assessmentId: assessment.id, type: 'garden', name: 'Courtyard', supervisionTier: 3, tierOverrideReason: 'Used alone' }).area.id;
    takeAssessment(board, handOut(laptop, assessment.id));
    takeAssessment(laptop, handOut(board, assessment.id));
    expect(board.call('assessments.get', { id: assessment.id })).toMatchObject({ areas: [...ids].reverse().concat(garden).map((areaId) => expect.objectContaining({ areaId })), wardPosition: ids.length });
    expect(laptop.call('assessments.get', { id: assessment.id })).toMatchObject({ areas: [...ids, garden].map((areaId) => expect.objectContaining({ areaId })), wardPosition: 0 });
  });
});
