import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScoringInput } from '../../../src/shared/exchange/scoring-input';
import { provisionalScores, type ConflictedForScoring } from '../../../src/shared/merge/provisional-scoring';
import { ACTION_STATUSES, ACTION_TYPES, CONTROL_KINDS, scoreWard, worstRating, type AnswerValue, type WardScores } from '../../../src/shared/scoring';
import { itemInstances, type ComplianceItem, type TemplateItem } from '../../../src/shared/templates';
import { loadPinnedTemplates } from '../templates/real-templates';

// While records from two devices are in conflict, the live score must never be better than any
// choice between their versions would give: per domain, a rating at least as bad and a percentage
// no higher. Checked over generated wards with the real 2026.1 checklists, up to three conflicted
// answers, ligature points or actions, every combination of versions scored by the engine.

const templates = loadPinnedTemplates();
type Recorded = Parameters<typeof buildScoringInput>[0];
type Answer = Recorded['answers'][number];
type Point = Recorded['points'][number];
type Action = Recorded['actions'][number];

const AREAS = [
  { areaId: 'B1', name: 'Bedroom 1', type: 'bedroom', supervisionTier: 3 as const },
  { areaId: 'E1', name: 'En-suite 1', type: 'en_suite', supervisionTier: 3 as const },
  { areaId: 'L1', name: 'Lounge', type: 'lounge', supervisionTier: 2 as const },
];
const INSTANCES = Object.values(templates).flatMap((t) =>
  itemInstances(t.items as TemplateItem[], AREAS.map((a) => ({ id: a.areaId, type: a.type as 'bedroom', supervisionTier: a.supervisionTier }))).map((i) => ({ item: i.item, areaId: i.areaId, ligature: t.domain === 'ligature' })),
);

function valuesFor(item: TemplateItem, ligature: boolean): AnswerValue[] {
  if (ligature) return ['no_risk', 'risk_present', 'na'];
  const response = (item as ComplianceItem).response;
  const na: AnswerValue[] = response.allowNa ? ['na'] : [];
  switch (response.type) {
    case 'yes_partial_no':
      return ['yes', 'partial', 'no', ...na];
    case 'yes_no':
      return ['yes', 'no', ...na];
    case 'grade':
      return ['A', 'B', 'C', 'D', ...na];
    case 'number':
      return [response.banding.yes, response.banding.partial, response.min, response.max, ...na];
  }
}

const answerFor = (index: number, pick: number): Answer | null => {
  const instance = INSTANCES[index % INSTANCES.length]!;
  const values = valuesFor(instance.item, instance.ligature);
  if (pick % (values.length + 1) === values.length) return null;
  const value = values[pick % (values.length + 1)]!;
  return { itemId: instance.item.id, areaId: instance.areaId, value, naReason: value === 'na' ? 'Not on this ward' : null };
};

const point = fc.record({
  area: fc.nat(2),
  tier: fc.constantFrom(1 as const, 2 as const, 3 as const),
  lb: fc.integer({ min: 1, max: 5 }),
  sb: fc.integer({ min: 1, max: 5 }),
  // Residual risks around the high band (8–12) are where actions decide the rating.
  la: fc.integer({ min: 1, max: 4 }),
  sa: fc.integer({ min: 2, max: 5 }),
  controls: fc.oneof(fc.constant(['physical_modification'] as (typeof CONTROL_KINDS)[number][]), fc.subarray([...CONTROL_KINDS], { maxLength: 2 })),
});
const action = fc.record({ type: fc.constantFrom(...ACTION_TYPES), status: fc.constantFrom(...ACTION_STATUSES), due: fc.constantFrom(null, '2026-10-01', '2027-06-30') });
type PointSpec = typeof point extends fc.Arbitrary<infer T> ? T : never;
type ActionSpec = typeof action extends fc.Arbitrary<infer T> ? T : never;

const toPoint = (id: string, p: PointSpec): Point => ({
  id,
  areaId: AREAS[p.area]!.areaId,
  itemId: null,
  tierReason: p.tier < AREAS[p.area]!.supervisionTier ? 'Locked and supervised' : null,
  tier: p.tier,
  element: 'Fitting',
  heightBand: 'knee_to_head',
  likelihoodBefore: p.lb,
  severityBefore: p.sb,
  likelihoodAfter: Math.min(p.la, p.lb),
  severityAfter: Math.min(p.sa, p.sb),
  controls: p.controls.map((kind) => ({ kind, description: 'Recorded control' })),
});
const toAction = (id: string, pointId: string, a: ActionSpec): Action => ({ id, ligaturePointId: pointId, type: a.type, status: a.status, dueDate: a.due });

// Mostly complete, compliant wards (the first value is the best), so that ligature ratings other
// than "not rated" and each gate are reached often.
const pick = fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() });
const scenario = fc.record({
  answers: fc.array(pick, { minLength: INSTANCES.length, maxLength: INSTANCES.length }),
  points: fc.array(point, { maxLength: 3 }),
  actions: fc.array(fc.record({ point: fc.nat(), spec: action }), { maxLength: 3 }),
  conflicts: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('answer' as const), at: fc.nat(), pick }),
      fc.record({ kind: fc.constant('point' as const), at: fc.nat(), other: fc.option(point, { nil: null }) }),
      fc.record({ kind: fc.constant('action' as const), at: fc.nat(), other: fc.option(action, { nil: null }) }),
    ),
    { minLength: 1, maxLength: 3 },
  ),
});

/** Versions a record has: [as here, as on the other device]; null where one of them has no record. */
type Alternatives = { kind: 'answer'; key: string; versions: (Answer | null)[] } | { kind: 'point'; id: string; versions: (Point | null)[] } | { kind: 'action'; id: string; versions: (Action | null)[] };

function build(s: typeof scenario extends fc.Arbitrary<infer T> ? T : never) {
  const answers = s.answers.map((pick, index) => answerFor(index, pick)).filter((a): a is Answer => a !== null);
  const points = s.points.map((p, i) => toPoint(`P${i}`, p));
  const actions = points.length === 0 ? [] : s.actions.map((a, i) => toAction(`A${i}`, points[a.point % points.length]!.id, a.spec));
  const recorded: Recorded = { ward: { id: 'W', type: 'adult_acute', bedCount: 12 }, areas: AREAS, answers, points, actions, assessedOn: '2026-11-20' };
  const alternatives = new Map<string, Alternatives>();
  for (const c of s.conflicts) {
    if (c.kind === 'answer') {
      const index = c.at % INSTANCES.length;
      const instance = INSTANCES[index]!;
      const key = `${instance.item.id}:${instance.areaId ?? ''}`;
      const here = answers.find((a) => a.itemId === instance.item.id && a.areaId === instance.areaId) ?? null;
      alternatives.set(`a:${key}`, { kind: 'answer', key, versions: [here, answerFor(index, c.pick)] });
    } else if (c.kind === 'point' && points.length > 0) {
      const here = points[c.at % points.length]!;
      alternatives.set(`p:${here.id}`, { kind: 'point', id: here.id, versions: [here, c.other ? toPoint(here.id, c.other) : null] });
    } else if (c.kind === 'action' && actions.length > 0) {
      const here = actions[c.at % actions.length]!;
      alternatives.set(`x:${here.id}`, { kind: 'action', id: here.id, versions: [here, c.other ? toAction(here.id, here.ligaturePointId!, c.other) : null] });
    }
  }
  return { recorded, alternatives: [...alternatives.values()] };
}

/** The record as each combination of versions would have it. */
function combinations(recorded: Recorded, alternatives: Alternatives[]): Recorded[] {
  let all: Recorded[] = [recorded];
  for (const alt of alternatives) {
    all = all.flatMap((r) =>
      alt.versions.map((v) => {
        if (alt.kind === 'answer') return { ...r, answers: [...r.answers.filter((a) => `${a.itemId}:${a.areaId ?? ''}` !== alt.key), ...(v ? [v as Answer] : [])] };
        if (alt.kind === 'point') return { ...r, points: [...r.points.filter((p) => p.id !== alt.id), ...(v ? [v as Point] : [])] };
        return { ...r, actions: [...r.actions.filter((a) => a.id !== alt.id), ...(v ? [v as Action] : [])] };
      }),
    );
  }
  return all;
}

function conflictedOf(alternatives: Alternatives[]): ConflictedForScoring {
  return {
    answers: alternatives.flatMap((a) => (a.kind === 'answer' ? [{ itemId: a.key.split(':')[0]!, areaId: a.key.split(':')[1] || null, versions: a.versions as (Answer | null)[] }] : [])),
    points: alternatives.flatMap((a) => (a.kind === 'point' ? [{ id: a.id, versions: a.versions as (Point | null)[] }] : [])),
    actions: alternatives.flatMap((a) => (a.kind === 'action' ? [{ id: a.id, versions: a.versions as (Action | null)[] }] : [])),
  };
}

const DOMAINS = ['quality', 'safety', 'therapeutic', 'ligature'] as const;

function notBetter(provisional: WardScores, choice: WardScores): string | null {
  for (const domain of DOMAINS) {
    const p = provisional[domain];
    const c = choice[domain];
    if (worstRating([p.rating, c.rating]) !== p.rating) return `${domain}: provisional ${p.rating}, a choice gives ${c.rating}`;
    if (domain !== 'ligature') {
      const pp = (p as { percentage: number | null }).percentage;
      const cp = (c as { percentage: number | null }).percentage;
      if (pp !== null && cp !== null && pp > cp) return `${domain}: provisional ${pp}%, a choice gives ${cp}%`;
    }
  }
  return null;
}

describe('scores while records are in conflict', () => {
  it('are never better than any choice between the versions would give', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { recorded, alternatives } = build(s);
        // The live record holds the first version of each conflicted record.
        const live = combinations(recorded, alternatives.map((a) => ({ ...a, versions: [a.versions[0]!] }) as Alternatives))[0]!;
        const provisional = provisionalScores(templates, live, conflictedOf(alternatives));
        for (const choice of combinations(recorded, alternatives)) {
          expect(notBetter(provisional, scoreWard(templates, buildScoringInput(choice)))).toBeNull();
        }
      }),
      { numRuns: 400 },
    );
  });

  const base: Recorded = { ward: { id: 'W', type: 'adult_acute', bedCount: 12 }, areas: AREAS, answers: [], points: [], actions: [], assessedOn: '2026-11-20' };
  const allPrompts = (value: AnswerValue = 'no_risk'): Answer[] =>
    INSTANCES.filter((i) => i.ligature).map((i) => ({ itemId: i.item.id, areaId: i.areaId, value, naReason: null }));
  const highPoint: Point = { id: 'P1', areaId: 'B1', itemId: 'L03', tierReason: null, tier: 3, element: 'Rail', heightBand: 'above_head', likelihoodBefore: 4, severityBefore: 4, likelihoodAfter: 3, severityAfter: 4, controls: [{ kind: 'physical_modification', description: 'Rail shortened' }] };

  it('take an action in conflict at its worse: a dated replace against an undated one leaves the high point without a dated action (red)', () => {
    const dated: Action = { id: 'A1', ligaturePointId: 'P1', type: 'replace', status: 'open', dueDate: '2027-01-31' };
    const undated: Action = { ...dated, type: 'mitigate', dueDate: null };
    const answers = allPrompts().map((a) => (a.itemId === 'L03' && a.areaId === 'B1' ? { ...a, value: 'risk_present' as const } : a));
    const recorded = { ...base, answers, points: [highPoint], actions: [dated] };
    expect(scoreWard(templates, buildScoringInput(recorded)).ligature.rating).toBe('amber');
    const scores = provisionalScores(templates, recorded, { answers: [], points: [], actions: [{ id: 'A1', versions: [dated, undated] }] });
    expect(scores.ligature.rating).toBe('red');
  });

  it('keep an overdue action red even when the other version of it is dated and open', () => {
    // A high tier 1 point: no dated action is needed, but an overdue one makes the ward red.
    const point: Point = { ...highPoint, tier: 1, tierReason: 'Fixed in a staffed corridor alcove', likelihoodBefore: 3, severityBefore: 3, likelihoodAfter: 3, severityAfter: 3 };
    const overdue: Action = { id: 'A1', ligaturePointId: 'P1', type: 'remove', status: 'overdue', dueDate: null };
    const onTrack: Action = { ...overdue, status: 'open', dueDate: '2027-06-30' };
    const answers = allPrompts().map((a) => (a.itemId === 'L03' && a.areaId === 'B1' ? { ...a, value: 'risk_present' as const } : a));
    const recorded = { ...base, answers, points: [point], actions: [overdue] };
    expect(scoreWard(templates, buildScoringInput(recorded)).ligature.rating).toBe('red');
    expect(scoreWard(templates, buildScoringInput({ ...recorded, actions: [onTrack] })).ligature.rating).toBe('amber');
    const scores = provisionalScores(templates, recorded, { answers: [], points: [], actions: [{ id: 'A1', versions: [overdue, onTrack] }] });
    expect(scores.ligature.rating).toBe('red');
  });

  it('never rate ligature green while a point is in conflict, even if every version is low', () => {
    const low: Point = { ...highPoint, likelihoodAfter: 1, severityAfter: 2, likelihoodBefore: 1, severityBefore: 2, tier: 2, areaId: 'L1', itemId: 'L09' };
    const moved: Point = { ...low, areaId: 'B1', tier: 3, likelihoodBefore: 4 };
    const answers = allPrompts().map((a) => (a.itemId === 'L09' && a.areaId === 'L1' ? { ...a, value: 'risk_present' as const } : a));
    const recorded = { ...base, answers, points: [low] };
    expect(scoreWard(templates, buildScoringInput(recorded)).ligature.rating).toBe('green');
    // Moved to the bedroom on the other device, the lounge's "risk present" has no point: not rated.
    expect(scoreWard(templates, buildScoringInput({ ...recorded, points: [moved] })).ligature.rating).toBe('not_rated');
    const scores = provisionalScores(templates, recorded, { answers: [], points: [{ id: 'P1', versions: [low, moved] }], actions: [] });
    expect(scores.ligature.rating).toBe('not_rated');
  });

  it('keep a critical "No" on either side: the domain is red', () => {
    const recorded = base;
    // S02: a critical ward-level safety item.
    const yes: Answer = { itemId: 'S02', areaId: null, value: 'yes', naReason: null };
    const no: Answer = { ...yes, value: 'no' };
    const scores = provisionalScores(templates, { ...recorded, answers: [yes] }, { answers: [{ itemId: 'S02', areaId: null, versions: [yes, no] }], points: [], actions: [] });
    expect(scores.safety.rating).toBe('red');
    expect(scores.safety.ratingBasis).toBe('gate');
  });
});
