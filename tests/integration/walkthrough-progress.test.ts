import { afterEach, describe, expect, it } from 'vitest';
import { DOMAINS } from '../../src/shared/templates';
import { answerAll, instancesOf } from '../helpers/assessments';
import { createTestCore, type TestCore } from '../helpers/core';
import { SMALL_WARD, answerInstances, wardWithAssessment } from '../helpers/walkthrough';

let core: TestCore;
afterEach(() => core?.close());

describe('walkthrough progress', () => {
  it('counts applicable and answered instances per domain, area and ward, as the scoring engine does', () => {
    core = createTestCore();
    const { assessment } = wardWithAssessment(core, SMALL_WARD);
    const all = instancesOf(core, assessment);
    // Answer every other instance.
    answerInstances(core, assessment, all.filter((_, i) => i % 2 === 0));
    const progress = core.call('assessments.progress', { assessmentId: assessment.id });
    const scores = core.call('assessments.score', { id: assessment.id }).scores;

    expect(progress.ward).toEqual({ applicable: all.length, answered: Math.ceil(all.length / 2) });
    for (const domain of ['quality', 'safety', 'therapeutic'] as const) {
      const mine = progress.domains.find((d) => d.domain === domain)!;
      expect([mine.applicable, mine.answered]).toEqual([scores[domain].counts.applicable, scores[domain].counts.answered]);
      expect(mine.completeness).toBe(scores[domain].completeness);
      expect(mine.complete).toBe(scores[domain].complete);
      expect(mine.threshold).toBe(90);
    }
    const ligature = progress.domains.find((d) => d.domain === 'ligature')!;
    expect([ligature.applicable, ligature.answered, ligature.threshold]).toEqual([scores.ligature.prompts.applicable, scores.ligature.prompts.answered, 100]);

    // The ward-level group first (a first route starts there), then the areas in route order;
    // per-area sums add up to the ward.
    expect(progress.areas.map((a) => a.name)).toEqual(['Ward-level items', ...assessment.areas.map((a) => a.name)]);
    expect(progress.areas.reduce((sum, a) => sum + a.applicable, 0)).toBe(all.length);
    for (const area of progress.areas) {
      const here = all.filter((i) => i.areaId === area.areaId);
      expect(area.applicable).toBe(here.length);
      expect(area.domains.reduce((sum, d) => sum + d.applicable, 0)).toBe(here.length);
    }
    expect(progress.unanswered).toHaveLength(all.length - progress.ward.answered);
  });

  it('lists unanswered instances in walk order: place by place of the route (domains in order)', () => {
    core = createTestCore();
    const { assessment } = wardWithAssessment(core, SMALL_WARD);
    // The assessor puts the ward-level questions after the first area.
    const route = [assessment.areas[0]!.areaId, 'ward', ...assessment.areas.slice(1).map((a) => a.areaId)];
    core.call('assessments.setRoute', { assessmentId: assessment.id, route });
    const progress = core.call('assessments.progress', { assessmentId: assessment.id });
    const places = route.map((stop) => (stop === 'ward' ? null : stop));
    const position = (u: (typeof progress.unanswered)[number]) => places.indexOf(u.areaId) * 10 + DOMAINS.indexOf(u.domain);
    const positions = progress.unanswered.map(position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(progress.unanswered[0]).toMatchObject({ areaId: assessment.areas[0]!.areaId });
    expect(progress.areas.map((a) => a.areaId)).toEqual(places);

    // "Next unanswered": answering the first moves it off the list, and the second becomes first.
    const [first, second] = progress.unanswered;
    const item = instancesOf(core, assessment).find((i) => i.item.id === first!.itemId && i.areaId === first!.areaId)!;
    answerInstances(core, assessment, [item]);
    const after = core.call('assessments.progress', { assessmentId: assessment.id });
    expect(after.unanswered[0]).toEqual(second);
    expect(after.ward.answered).toBe(1);
  });

  it('reports everything answered once the walk is done', () => {
    core = createTestCore();
    const { assessment } = wardWithAssessment(core, SMALL_WARD);
    const count = answerAll(core, assessment.id);
    const progress = core.call('assessments.progress', { assessmentId: assessment.id });
    expect(progress.ward).toEqual({ applicable: count, answered: count });
    expect(progress.unanswered).toEqual([]);
    expect(progress.domains.every((d) => d.complete && d.completeness === 100)).toBe(true);
  });
});

describe('adding an area during the walkthrough', () => {
  it('creates it in the register and in the assessment, and its items join the walk', () => {
    core = createTestCore();
    const { assessment, ward } = wardWithAssessment(core, SMALL_WARD);
    const before = core.call('assessments.progress', { assessmentId: assessment.id });
    const added = core.call('assessments.addArea', { assessmentId: assessment.id, type: 'bedroom', name: 'Bedroom 2', supervisionTier: 3 });
    expect(added.area).toMatchObject({ name: 'Bedroom 2', wardId: ward.id, supervisionTier: 3, defaultTier: 3 });
    expect(added.assessment.areas.map((a) => a.name)).toContain('Bedroom 2');
    expect(core.call('areas.list', { wardId: ward.id }).map((a) => a.name)).toContain('Bedroom 2');
    const after = core.call('assessments.progress', { assessmentId: assessment.id });
    const bedroomOne = before.areas.find((a) => a.name === 'Bedroom 1')!;
    expect(after.ward.applicable).toBe(before.ward.applicable + bedroomOne.applicable);
    // An answer in the new area is accepted at once.
    const item = instancesOf(core, added.assessment).find((i) => i.areaId === added.area.id)!;
    answerInstances(core, added.assessment, [item]);
    const audit = core.call('audit.list', { entityId: assessment.id, limit: 5 });
    expect(audit.some((e) => JSON.stringify(e.after).includes(added.area.id))).toBe(true);
  });

  it('applies the register rules: a reason for a tier override, and a name not already on the ward', () => {
    core = createTestCore();
    const { assessment } = wardWithAssessment(core, SMALL_WARD);
    const noReason = core.raw('assessments.addArea', { assessmentId: assessment.id, type: 'lounge', name: 'Sun room', supervisionTier: 3 });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['tierOverrideReason'] }] } });
    const clash = core.raw('assessments.addArea', { assessmentId: assessment.id, type: 'lounge', name: 'lounge', supervisionTier: 2 });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: ['name'] }] } });
    expect(core.call('assessments.get', { id: assessment.id }).areas).toHaveLength(SMALL_WARD.length);
    const withReason = core.call('assessments.addArea', { assessmentId: assessment.id, type: 'lounge', name: 'Sun room', supervisionTier: 3, tierOverrideReason: 'Out of sight of the nurses’ station' });
    expect(withReason.area).toMatchObject({ supervisionTier: 3, tierOverrideReason: 'Out of sight of the nurses’ station' });
    expect(withReason.assessment.areas.find((a) => a.name === 'Sun room')).toMatchObject({ supervisionTier: 3 });
  });
});
