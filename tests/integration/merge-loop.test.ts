import { describe, expect, it } from 'vitest';
import { createTestCore, makeWard } from '../helpers/core';
import { answer, handOut, takeAssessment } from '../helpers/merge';

describe('hand-out and bring-back between two devices', () => {
  it('carries on on another device and merges back answer by answer, with one conflict', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { ward } = makeWard(board);
    const bedroom = board.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const lounge = board.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
    const assessment = board.call('assessments.start', { wardId: ward.id, assessedOn: '2026-11-20', round: '2026/27', announced: true, assessors: [{ name: 'Ailsa Grant', role: 'estates' }, { name: 'Rab Munro', role: 'clinical' }] });
    const [ailsa, rab] = assessment.assessors;
    answer(board, assessment.id, 'Q01', null, 'B', { assessorId: ailsa!.id });

    const out = takeAssessment(laptop, handOut(board, assessment.id));
    expect(out).toMatchObject({ status: 'started', conflicts: 0 });
    expect(laptop.call('answers.list', { assessmentId: assessment.id }).map((a) => a.value)).toEqual(['B']);

    answer(board, assessment.id, 'Q10', bedroom.id, 'yes', { assessorId: ailsa!.id });
    answer(laptop, assessment.id, 'Q10', lounge.id, 'partial', { assessorId: rab!.id });
    answer(board, assessment.id, 'Q04', null, 'A', { assessorId: ailsa!.id });
    answer(laptop, assessment.id, 'Q04', null, 'C', { assessorId: rab!.id });
    answer(board, assessment.id, 'Q06', null, 90, { assessorId: ailsa!.id });
    answer(laptop, assessment.id, 'Q06', null, 90, { assessorId: rab!.id });

    const back = takeAssessment(board, handOut(laptop, assessment.id));
    expect(back).toMatchObject({ status: 'merged', conflicts: 1, newConflicts: 1 });
    const values = Object.fromEntries(board.call('answers.list', { assessmentId: assessment.id }).map((a) => [`${a.itemId}:${a.areaId ?? 'ward'}`, a.value]));
    expect(values[`Q10:${lounge.id}`]).toBe('partial');
    expect(values[`Q10:${bedroom.id}`]).toBe('yes');
    expect(values['Q06:ward']).toBe(90);
    const { conflicts } = board.call('merge.conflicts', { assessmentId: assessment.id });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'answer', itemId: 'Q04', where: 'Ward', reason: 'different_edits', fields: ['value'] });
    expect(conflicts[0]!.versions.map((v) => [v.row['value'], v.who]).sort()).toEqual([['A', 'Ailsa Grant'], ['C', 'Rab Munro']]);

    // The same file again changes nothing.
    expect(takeAssessment(board, handOut(laptop, assessment.id))).toMatchObject({ status: 'unchanged', taken: 0, newConflicts: 0, conflicts: 1 });
    const keep = conflicts[0]!.versions.find((v) => v.row['value'] === 'C')!;
    expect(board.call('merge.resolve', { assessmentId: assessment.id, kind: 'answer', recordId: conflicts[0]!.id, keep: keep.key })).toEqual({ conflicts: 0, duplicates: 0 });
    // Re-importing a version already seen and resolved does not raise the conflict again.
    expect(takeAssessment(board, handOut(laptop, assessment.id))).toMatchObject({ conflicts: 0 });
    // The resolution travels: the laptop takes it without a conflict.
    expect(takeAssessment(laptop, handOut(board, assessment.id))).toMatchObject({ status: 'merged', conflicts: 0 });
    expect(laptop.call('answers.list', { assessmentId: assessment.id }).find((a) => a.itemId === 'Q04')!.value).toBe('C');
  });
});

describe('an edit made while a conflict is shown', () => {
  it('replaces only the version it was made over, never the other device’s unseen one', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { ward } = makeWard(board);
    const assessment = board.call('assessments.start', { wardId: ward.id, assessedOn: '2026-11-20', round: '2026/27', announced: true, assessors: [{ name: 'Ailsa Grant', role: 'estates' }] });
    takeAssessment(laptop, handOut(board, assessment.id));
    laptop.setNow('2026-11-20T10:00:00Z');
    answer(laptop, assessment.id, 'Q01', null, 'C');
    const fromLaptop = handOut(laptop, assessment.id);
    board.setNow('2026-11-20T11:00:00Z');
    answer(board, assessment.id, 'Q01', null, 'A');
    // The board's own answer is the later one, so the board shows it while in conflict with the laptop's.
    expect(takeAssessment(board, fromLaptop)).toMatchObject({ conflicts: 1 });
    expect(board.call('answers.list', { assessmentId: assessment.id })[0]!.value).toBe('A');
    answer(board, assessment.id, 'Q01', null, 'B');
    const { conflicts } = board.call('merge.conflicts', { assessmentId: assessment.id });
    expect(conflicts.map((c) => c.versions.map((v) => v.row['value']).sort())).toEqual([['B', 'C']]);
    // Changed to agree with the other device, the conflict is gone.
    answer(board, assessment.id, 'Q01', null, 'C');
    expect(board.call('merge.conflicts', { assessmentId: assessment.id }).conflicts).toEqual([]);
  });
});
