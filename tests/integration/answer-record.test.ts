import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliesToArea, type AreaForApplicability } from '../../src/shared/templates';
import type { Input, Output } from '../../src/shared/contract';
import { goodValue, signOff, startAssessment, answerAll } from '../helpers/assessments';
import { createTestCore, makeWard, type TestCore } from '../helpers/core';

// Saving an answer reads only what it checks, by key (the assessment's status and assessor, its
// pinned checklists, the one area answered in, the earlier answer). These hold it to every refusal
// the service makes, word for word and field by field, with nothing written; and to what a save
// writes: the answer, the assessment's last change and one audit entry with before and after.

type Item = Output<'templates.get'>['items'][number];
type Answer = Input<'answers.record'>;

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.close());

function setUp() {
  const { ward } = makeWard(core);
  const bedroom = core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  const kitchen = core.call('areas.create', { wardId: ward.id, type: 'kitchen', name: 'Kitchen', supervisionTier: 1 });
  const other = makeWard(core, { name: 'Another ward' }).ward;
  const elsewhere = core.call('areas.create', { wardId: other.id, type: 'bedroom', name: 'Bedroom 9', supervisionTier: 3 });
  const assessment = startAssessment(core, ward.id);
  const otherAssessment = startAssessment(core, other.id);
  const asArea = (a: { id: string; type: string; supervisionTier: number }) => ({ id: a.id, type: a.type, supervisionTier: a.supervisionTier }) as AreaForApplicability;
  const items = Object.values(assessment.templates).flatMap((key) => core.call('templates.get', { key }).items as Item[]);
  const find = (what: string, test: (item: Item) => boolean) => {
    const found = items.find(test);
    if (!found) throw new Error(`the bundled checklists have no ${what}`);
    return found;
  };
  const compliance = (item: Item) => 'weight' in item;
  const allowsNa = (item: Item) => 'response' in item && 'allowNa' in item.response && item.response.allowNa === true;
  return {
    assessment,
    assessorId: assessment.assessors[0]!.id,
    otherAssessorId: otherAssessment.assessors[0]!.id,
    bedroom,
    kitchen,
    elsewhere,
    wardItem: find('ward-level item', (i) => i.appliesTo.scope === 'ward' && compliance(i) && (i as { weight: number }).weight < 3),
    bedroomItem: find('bedroom item not asked in a kitchen', (i) => compliance(i) && appliesToArea(i.appliesTo, asArea(bedroom)) && !appliesToArea(i.appliesTo, asArea(kitchen))),
    weightThree: find('weight 3 item asked in a bedroom', (i) => compliance(i) && (i as { weight: number }).weight === 3 && allowsNa(i) && appliesToArea(i.appliesTo, asArea(bedroom))),
    prompt: find('ligature prompt asked in a bedroom', (i) => !compliance(i) && appliesToArea(i.appliesTo, asArea(bedroom))),
  };
}

function counts() {
  const count = (table: string) => (core.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { answers: count('answers'), audit: count('audit_log') };
}

function expectRefused(input: Answer, code: string, message: string, field?: string) {
  const before = counts();
  const result = core.raw('answers.record', input);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toBe(message);
  if (field) expect(result.error.fields?.map((f) => f.path.join('.'))).toEqual([field]);
  expect(counts()).toEqual(before);
}

describe('recording an answer', () => {
  it('refuses an answer that does not fit, naming why and the field, and writes nothing', () => {
    const s = setUp();
    const base = { assessmentId: s.assessment.id, assessorId: s.assessorId, note: null, naReason: null };
    const unknownId = '00000000-0000-4000-8000-000000000000';
    expectRefused({ ...base, assessmentId: unknownId, itemId: s.wardItem.id, areaId: null, value: 'yes' }, 'NOT_FOUND', `No assessment with id ${unknownId}: it may have been removed.`);
    expectRefused({ ...base, assessorId: s.otherAssessorId, itemId: s.wardItem.id, areaId: null, value: 'yes' }, 'VALIDATION', 'Choose one of this assessment’s assessors', 'assessorId');
    expectRefused({ ...base, itemId: 'XX-99', areaId: null, value: 'yes' }, 'VALIDATION', 'XX-99 is not an item of this assessment’s checklists', 'itemId');
    expectRefused({ ...base, itemId: s.wardItem.id, areaId: s.bedroom.id, value: 'yes' }, 'VALIDATION', `${s.wardItem.id} is asked once for the ward, not per area`, 'areaId');
    expectRefused({ ...base, itemId: s.bedroomItem.id, areaId: null, value: 'yes' }, 'VALIDATION', `${s.bedroomItem.id} is asked per area, but the answer names no area`, 'areaId');
    expectRefused({ ...base, itemId: s.bedroomItem.id, areaId: s.elsewhere.id, value: 'yes' }, 'VALIDATION', `${s.bedroomItem.id} was answered for area ${s.elsewhere.id}, which is not in this ward`, 'areaId');
    expectRefused({ ...base, itemId: s.bedroomItem.id, areaId: s.kitchen.id, value: 'yes' }, 'VALIDATION', `${s.bedroomItem.id} is not asked in Kitchen (kitchen, tier 1)`, 'areaId');
    expectRefused({ ...base, itemId: s.prompt.id, areaId: s.bedroom.id, value: 'yes' }, 'VALIDATION', `${s.prompt.id}: answer no_risk, risk_present or na`, 'value');
    expectRefused({ ...base, itemId: s.weightThree.id, areaId: s.bedroom.id, value: 'na' }, 'VALIDATION', `${s.weightThree.id} is a weight 3 item: say why it does not apply here`, 'naReason');
    expectRefused({ ...base, itemId: s.prompt.id, areaId: s.bedroom.id, value: 'na' }, 'VALIDATION', `${s.prompt.id} is a ligature prompt: say why it does not apply here`, 'naReason');

    answerAll(core, s.assessment.id);
    signOff(core, s.assessment.id);
    const signed = core.call('assessments.get', { id: s.assessment.id });
    expectRefused(
      { ...base, itemId: s.wardItem.id, areaId: null, value: 'no' },
      'CONFLICT',
      `This assessment was signed off on ${signed.signedOffAt!.slice(0, 10)} and can no longer be changed. Start a new round to assess the ward again.`,
    );
  });

  it('writes the answer, the assessment’s last change and one audit entry with what it replaced', () => {
    const s = setUp();
    const input = { assessmentId: s.assessment.id, assessorId: s.assessorId, itemId: s.weightThree.id, areaId: s.bedroom.id, value: goodValue(s.weightThree), note: 'Checked', naReason: null };
    core.setNow('2026-11-23T11:00:00.000Z');
    const first = core.call('answers.record', input);
    core.setNow('2026-11-23T12:00:00.000Z');
    const second = core.call('answers.record', { ...input, value: 'na', naReason: 'Door removed', note: null });
    expect(second).toEqual({ ...first, value: 'na', naReason: 'Door removed', note: null, answeredAt: '2026-11-23T12:00:00.000Z' });
    expect(core.call('answers.list', { assessmentId: s.assessment.id })).toEqual([second]);
    expect(core.call('assessments.get', { id: s.assessment.id }).updatedAt).toBe('2026-11-23T12:00:00.000Z');
    const entries = core.store.sqlite.prepare("SELECT action, entity, before, after FROM audit_log WHERE entity_id = ? ORDER BY seq DESC").all(first.id) as { action: string; entity: string; before: string | null; after: string }[];
    expect(entries.every((e) => e.entity === 'answer')).toBe(true);
    expect(entries.map((e) => [e.action, e.before && JSON.parse(e.before), JSON.parse(e.after)])).toEqual([
      ['update', first, second],
      ['create', null, first],
    ]);
    // "Not applicable" keeps its reason only with that value.
    const third = core.call('answers.record', { ...input, naReason: 'ignored' });
    expect(third.naReason).toBeNull();
  });
});
