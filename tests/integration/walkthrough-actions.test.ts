import { afterEach, describe, expect, it } from 'vitest';
import { answerAll } from '../helpers/assessments';
import { createTestCore, type TestCore } from '../helpers/core';
import { SMALL_WARD, wardWithAssessment } from '../helpers/walkthrough';

let core: TestCore;
afterEach(() => core.close());

describe('the action plan', () => {
  it('shows what each action is about, marks overdue ones against today, and sorts by risk', () => {
    // Today is 2026-11-23 (the test clock).
    core = createTestCore();
    const { assessment, assessorId } = wardWithAssessment(core, SMALL_WARD);
    answerAll(core, assessment.id, (item) => (item.id === 'Q10' ? 'no' : undefined));
    const bedroom = assessment.areas.find((a) => a.type === 'bedroom')!;
    const lounge = assessment.areas.find((a) => a.type === 'lounge')!;
    const point = (areaId: string, tier: 2 | 3, element: string, likelihoodAfter: number, severityAfter: number) =>
      core.call('ligaturePoints.create', {
        assessmentId: assessment.id, areaId, itemId: null, element, heightBand: 'above_head', tier, description: `${element} description`,
        controls: [{ kind: 'physical_modification', description: 'Boxed in' }], likelihoodBefore: 4, severityBefore: 5, likelihoodAfter, severityAfter, assessorId,
      });
    const high = point(bedroom.areaId, 3, 'Window handle', 3, 4); // residual 12: high
    const low = point(lounge.areaId, 2, 'Radiator', 1, 3); // residual 3: low
    const q10 = core.call('answers.list', { assessmentId: assessment.id }).find((a) => a.itemId === 'Q10')!;
    const create = (extra: Record<string, unknown>, description: string, priority: 'low' | 'medium' | 'high' | 'urgent', dueDate: string | null, status: 'open' | 'on_track' | 'overdue' | 'complete' = 'open') =>
      core.call('actions.create', { assessmentId: assessment.id, type: 'replace', description, owner: 'Estates manager', dueDate, priority, status, ...extra });

    create({ ligaturePointId: low.id }, 'Change radiator cover', 'urgent', '2027-06-01');
    create({ ligaturePointId: high.id }, 'Fit a flush handle', 'low', '2026-11-22');
    create({ answerId: q10.id }, 'Repair the floor', 'urgent', null);
    create({ answerId: q10.id }, 'Order new floor covering', 'medium', '2026-11-23');
    create({ answerId: q10.id }, 'Survey the floor', 'medium', '2027-01-10', 'overdue');
    create({ ligaturePointId: high.id }, 'Inspect handle', 'high', '2026-01-01', 'complete');

    const plan = core.call('actions.list', { assessmentId: assessment.id });
    expect(plan.map((a) => [a.description, a.riskRank, a.overdue])).toEqual([
      ['Repair the floor', 4, false], // urgent priority
      ['Fit a flush handle', 3, true], // high residual, due yesterday
      ['Survey the floor', 2, true], // marked overdue by its owner
      ['Order new floor covering', 2, false], // due today is not overdue
      ['Change radiator cover', 1, false], // low residual outranks its "urgent" priority
      ['Inspect handle', 3, false], // complete: last, never overdue
    ]);
    const handle = plan[1]!;
    expect(handle.residualRisk).toEqual({ score: 12, band: 'high' });
    expect(handle.about).toEqual({ kind: 'ligature_point', element: 'Window handle', description: 'Window handle description', areaId: bedroom.areaId, areaName: bedroom.name });
    const floor = plan[0]!;
    const question = core.call('templates.get', { key: assessment.templates.quality }).items.find((i) => i.id === 'Q10')!.question;
    expect(floor.residualRisk).toBeNull();
    expect(floor.about).toEqual({ kind: 'answer', itemId: 'Q10', question, areaId: q10.areaId, areaName: q10.areaId ? assessment.areas.find((a) => a.areaId === q10.areaId)!.name : 'Ward-level items' });
  });
});
