import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPERVISION_TIERS, type AreaType, type SupervisionTier } from '../../../src/shared/domain/estate';
import { addDays } from '../../../src/shared/dates';
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  CONTROL_KINDS,
  HEIGHT_BANDS,
  scoreComplianceDomain,
  scoreLigatureDomain,
  scoreLigaturePoint,
  type Answer,
  type AnswerValue,
  type LigatureAction,
  type LigaturePoint,
  type Rating,
  type ScoringArea,
} from '../../../src/shared/scoring';
import { itemInstances, type ComplianceTemplate } from '../../../src/shared/templates';
import { answer, complianceTemplate, grade, item, ligatureTemplate, percentBanded, perArea, prompt, ward, yesNo, ypn } from './factories';

// Invariants of the method, checked over many generated wards.

const AREA_CHOICES: AreaType[] = ['bedroom', 'lounge', 'garden'];
const RESPONSE_TYPES = ['yes_partial_no', 'yes_no', 'grade', 'number'] as const;
type ResponseType = (typeof RESPONSE_TYPES)[number];

const VALUES: Record<ResponseType, AnswerValue[]> = {
  yes_partial_no: ['yes', 'partial', 'no'],
  yes_no: ['yes', 'no'],
  grade: ['A', 'B', 'C', 'D'],
  number: [0, 50, 79.9, 80, 99, 100],
};
const FAILING: Record<ResponseType, AnswerValue> = { yes_partial_no: 'no', yes_no: 'no', grade: 'D', number: 0 };

const itemSpec = fc.record({
  weight: fc.constantFrom(1 as const, 2 as const, 3 as const),
  critical: fc.boolean(),
  type: fc.constantFrom(...RESPONSE_TYPES),
  allowNa: fc.boolean(),
  areaTypes: fc.option(fc.subarray(AREA_CHOICES, { minLength: 1 }), { nil: null }),
  minTier: fc.option(fc.constantFrom(...SUPERVISION_TIERS), { nil: undefined }),
});
type ItemSpec = typeof itemSpec extends fc.Arbitrary<infer T> ? T : never;

const scenario = fc.record({
  items: fc.array(itemSpec, { minLength: 1, maxLength: 8 }),
  areas: fc.array(fc.record({ type: fc.constantFrom(...AREA_CHOICES), tier: fc.constantFrom(...SUPERVISION_TIERS) }), { maxLength: 4 }),
  choices: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const idOf = (index: number) => `S${String(index + 1).padStart(2, '0')}`;

function responseFor(spec: ItemSpec) {
  switch (spec.type) {
    case 'yes_partial_no':
      return ypn(spec.allowNa);
    case 'yes_no':
      return yesNo(spec.allowNa);
    case 'grade':
      return grade(spec.allowNa);
    case 'number':
      return { ...percentBanded(100, 80), allowNa: spec.allowNa };
  }
}

function build(s: Scenario) {
  const template = complianceTemplate(
    s.items.map((spec, i) =>
      item(idOf(i), {
        weight: spec.weight,
        critical: spec.critical && spec.weight === 3,
        response: responseFor(spec),
        appliesTo: spec.areaTypes ? perArea(spec.areaTypes, spec.minTier) : { scope: 'ward' },
      }),
    ),
  );
  const areas: ScoringArea[] = s.areas.map((a, i) => ({ id: `a${i}`, type: a.type, name: `Area ${i}`, supervisionTier: a.tier }));
  const specById = new Map(s.items.map((spec, i) => [idOf(i), spec]));
  const answers: Answer[] = [];
  itemInstances(template.items, areas).forEach((instance, i) => {
    const spec = specById.get(instance.item.id);
    if (!spec) throw new Error('unreachable');
    const options: (AnswerValue | undefined)[] = [undefined, ...(spec.allowNa ? ['na' as const] : []), ...VALUES[spec.type]];
    const value = options[(s.choices[i % s.choices.length] ?? 0) % options.length];
    if (value !== undefined) answers.push(answer(instance.item.id, value, instance.areaId, 'reason'));
  });
  return { template, areas, answers, specById };
}

const RANK: Record<Rating, number> = { red: 1, amber: 2, green: 3, not_rated: 4 };

describe('compliance scoring invariants', () => {
  it('keeps every percentage and completeness figure within 0–100', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { template, areas, answers } = build(s);
        const result = scoreComplianceDomain(template, areas, answers);
        const figures = [result.percentage, result.completeness, ...result.sections.map((x) => x.percentage), ...result.areas.map((x) => x.percentage)];
        for (const figure of figures) {
          if (figure !== null) {
            expect(figure).toBeGreaterThanOrEqual(0);
            expect(figure).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });

  it('agrees with the written formula Σ(weight × points) ÷ Σ(weight × 2) × 100', () => {
    const points: Record<string, number> = { yes: 2, partial: 1, no: 0, A: 2, B: 4 / 3, C: 2 / 3, D: 0 };
    const numberPoints = (v: number) => (v >= 100 ? 2 : v >= 80 ? 1 : 0);
    fc.assert(
      fc.property(scenario, (s) => {
        const { template, areas, answers, specById } = build(s);
        let earned = 0;
        let possible = 0;
        for (const a of answers) {
          const spec = specById.get(a.itemId);
          if (!spec || a.value === 'na') continue;
          earned += spec.weight * (typeof a.value === 'number' ? numberPoints(a.value) : (points[a.value] ?? Number.NaN));
          possible += spec.weight * 2;
        }
        const result = scoreComplianceDomain(template, areas, answers);
        if (possible === 0) expect(result.percentage).toBeNull();
        else expect(Math.abs((result.percentage ?? Number.NaN) - (earned / possible) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });

  it('never changes the score or rating when a not-applicable answer is added', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const { template, areas, answers } = build(s);
        const answered = new Set(answers.map((a) => `${a.itemId}|${a.areaId}`));
        const open = itemInstances(template.items, areas).filter(
          (inst) => !answered.has(`${inst.item.id}|${inst.areaId}`) && inst.item.response.allowNa,
        );
        fc.pre(open.length > 0);
        const target = open[pick % open.length];
        if (!target) return;
        const before = scoreComplianceDomain(template, areas, answers);
        const after = scoreComplianceDomain(template, areas, [...answers, answer(target.item.id, 'na', target.areaId, 'reason')]);
        expect(after.percentage).toBe(before.percentage);
        expect(after.rating).toBe(before.rating);
        expect(after.counts.points).toBe(before.counts.points);
        expect(after.counts.answered).toBe(before.counts.answered + 1);
      }),
    );
  });

  it('never raises the rating when any answer is turned into its worst value', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const { template, areas, answers, specById } = build(s);
        fc.pre(answers.length > 0);
        const index = pick % answers.length;
        const target = answers[index];
        const spec = target ? specById.get(target.itemId) : undefined;
        if (!target || !spec) return;
        const worse = answers.map((a, i) => (i === index ? { ...a, value: FAILING[spec.type] } : a));
        const before = scoreComplianceDomain(template, areas, answers).rating;
        const after = scoreComplianceDomain(template, areas, worse).rating;
        expect(RANK[after]).toBeLessThanOrEqual(RANK[before]);
      }),
    );
  });

  it('makes the domain red when any answer is turned into a critical "no", and never raises the rating', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const { template, areas, answers, specById } = build(s);
        fc.pre(answers.length > 0);
        const index = pick % answers.length;
        const target = answers[index];
        const spec = target ? specById.get(target.itemId) : undefined;
        if (!target || !spec) return;
        const before = scoreComplianceDomain(template, areas, answers).rating;
        const criticalTemplate: ComplianceTemplate = {
          ...template,
          items: template.items.map((it) => (it.id === target.itemId ? { ...it, weight: 3, critical: true } : it)),
        };
        const worse = answers.map((a, i) => (i === index ? { ...a, value: FAILING[spec.type] } : a));
        const after = scoreComplianceDomain(criticalTemplate, areas, worse).rating;
        expect(after).toBe('red');
        expect(RANK[after]).toBeLessThanOrEqual(RANK[before]);
      }),
    );
  });
});

const oneToFive = fc.integer({ min: 1, max: 5 });
const tier = fc.constantFrom(...SUPERVISION_TIERS);
const isoDate = fc.integer({ min: 0, max: 1500 }).map((days) => addDays('2025-01-01', days));

const ligatureAction: fc.Arbitrary<LigatureAction> = fc.record(
  {
    type: fc.constantFrom(...ACTION_TYPES),
    targetDate: isoDate,
    status: fc.constantFrom(...ACTION_STATUSES),
  },
  { requiredKeys: ['type', 'status'] },
);

const ligaturePoint = (id: string, areaIds: string[]): fc.Arbitrary<LigaturePoint> =>
  fc.record({
    id: fc.constant(id),
    areaId: fc.constantFrom(...areaIds),
    itemId: fc.constantFrom(null, 'L01', 'L09', 'L14'),
    tier,
    tierReason: fc.constantFrom(null, 'Within sight of the staff base'),
    element: fc.constant('Fitting'),
    heightBand: fc.constantFrom(...HEIGHT_BANDS),
    likelihoodBefore: oneToFive,
    severityBefore: oneToFive,
    likelihoodAfter: oneToFive,
    severityAfter: oneToFive,
    controls: fc.array(fc.record({ kind: fc.constantFrom(...CONTROL_KINDS), description: fc.constantFrom('', 'Documented control') }), { maxLength: 3 }),
    actions: fc.array(ligatureAction, { maxLength: 3 }),
  });

/** How good a rating reads, best first: "improving" a ward means moving up this list. */
const GOODNESS: Record<Rating, number> = { green: 3, amber: 2, not_rated: 1, red: 0 };

describe('ligature rating invariants', () => {
  const template = ligatureTemplate([prompt('L01', perArea(['bedroom'])), prompt('L09', perArea(['lounge'])), prompt('L14', { scope: 'ward' })]);
  const areas: ScoringArea[] = [
    { id: 'a1', type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 },
    { id: 'a2', type: 'lounge', name: 'Lounge', supervisionTier: 2 },
  ];
  const promptAnswer = (itemId: string, areaId: string | null) =>
    fc.constantFrom<AnswerValue>('no_risk', 'risk_present', 'na').chain((value) =>
      value === 'na' ? fc.constantFrom(answer(itemId, 'na', areaId), answer(itemId, 'na', areaId, 'Out of use')) : fc.constant(answer(itemId, value, areaId)),
    );
  const promptAnswers = fc
    .tuple(fc.option(promptAnswer('L01', 'a1')), fc.option(promptAnswer('L09', 'a2')), fc.option(promptAnswer('L14', null)))
    .map((answers) => answers.filter((a): a is Answer => a !== null));
  const otherPoints = fc.array(fc.nat(), { maxLength: 6 }).chain((ns) => fc.tuple(...ns.map((_, i) => ligaturePoint(`p${i}`, ['a1', 'a2', 'elsewhere']))));
  const ward$ = fc.record({ points: otherPoints, answers: promptAnswers, asOf: isoDate });
  const rate = (points: LigaturePoint[], answers: Answer[], asOf: string) => scoreLigatureDomain(template, { ward: ward(), areas, answers, ligaturePoints: points, asOf });
  // Residual scores of 15 or more, with a documented control so no floor is involved.
  const extremeResidual = fc.constantFrom([5, 3], [3, 5], [4, 4], [5, 4], [4, 5], [5, 5]);

  it('is red whenever one extreme residual point exists, whatever else is true', () => {
    fc.assert(
      fc.property(ward$, extremeResidual, tier, fc.nat(), ({ points: others, answers, asOf }, [l, sv], t, at) => {
        const extreme: LigaturePoint = {
          id: 'extreme',
          areaId: 'a1',
          itemId: 'L01',
          tier: t as SupervisionTier,
          tierReason: 'Reason given',
          element: 'Door top',
          heightBand: 'above_head',
          likelihoodBefore: l,
          severityBefore: sv,
          likelihoodAfter: l,
          severityAfter: sv,
          controls: [{ kind: 'physical_modification', description: 'Door-top alarm fitted' }],
          actions: [{ type: 'replace', targetDate: '2099-01-01', status: 'on_track' }],
        };
        const points = [...others];
        points.splice(at % (points.length + 1), 0, extreme);
        const result = rate(points, answers, asOf);
        expect(result.rating).toBe('red');
        expect(result.gates.some((g) => g.pointId === 'extreme' && g.reason === 'extreme_residual')).toBe(true);
      }),
    );
  });

  it('never hides a red gate: red exactly when a gate fires, whatever the prompts say', () => {
    fc.assert(
      fc.property(ward$, ({ points, answers, asOf }) => {
        const result = rate(points, answers, asOf);
        expect(result.rating === 'red').toBe(result.gates.length > 0);
      }),
    );
  });

  it('never improves the rating when an overdue action is added to any point', () => {
    const overdue = fc.oneof(
      fc.record({ type: fc.constantFrom(...ACTION_TYPES), status: fc.constant('overdue' as const) }),
      fc.record({ type: fc.constantFrom(...ACTION_TYPES), status: fc.constantFrom('open' as const, 'on_track' as const, 'at_risk' as const), targetDate: fc.constant('2024-12-31') }),
    );
    fc.assert(
      fc.property(ward$, fc.nat(), overdue, ({ points, answers, asOf }, pick, late) => {
        fc.pre(points.length > 0);
        const index = pick % points.length;
        const before = rate(points, answers, asOf);
        const withLate = points.map((p, i) => (i === index ? { ...p, actions: [...p.actions, late] } : p));
        const after = rate(withLate, answers, asOf);
        expect(GOODNESS[after.rating]).toBeLessThanOrEqual(GOODNESS[before.rating]);
        expect(after.summary.overdueActionCount).toBe(before.summary.overdueActionCount + 1);
      }),
    );
  });

  it('never rates green when every prompt is "not applicable"', () => {
    const reason = fc.constantFrom(undefined, 'Out of use');
    fc.assert(
      fc.property(otherPoints, reason, reason, reason, isoDate, (points, r1, r2, r3, asOf) => {
        const allNa = [answer('L01', 'na', 'a1', r1), answer('L09', 'na', 'a2', r2), answer('L14', 'na', null, r3)];
        expect(rate(points, allNa, asOf).rating).not.toBe('green');
      }),
    );
  });

  it('never improves the rating when a prompt answered "no risk" is changed to "not applicable" or "risk present"', () => {
    fc.assert(
      fc.property(ward$, fc.nat(), fc.constantFrom<[AnswerValue, string | undefined]>(['na', undefined], ['na', 'Out of use'], ['risk_present', undefined]), ({ points, answers, asOf }, pick, [value, reason]) => {
        const noRisk = answers.map((a, i) => [a, i] as const).filter(([a]) => a.value === 'no_risk');
        fc.pre(noRisk.length > 0);
        const [target, index] = noRisk[pick % noRisk.length]!;
        const changed = answers.map((a, i) => (i === index ? answer(target.itemId, value, target.areaId, reason) : a));
        expect(GOODNESS[rate(points, changed, asOf).rating]).toBeLessThanOrEqual(GOODNESS[rate(points, answers, asOf).rating]);
      }),
    );
  });

  it('never improves the rating when a point’s tier reason is taken away, or a documented control removed', () => {
    fc.assert(
      fc.property(ward$, fc.nat(), ({ points, answers, asOf }, pick) => {
        fc.pre(points.length > 0);
        const index = pick % points.length;
        const before = rate(points, answers, asOf);
        const noReason = points.map((p, i) => (i === index ? { ...p, tierReason: null } : p));
        const fewerControls = points.map((p, i) => (i === index ? { ...p, controls: p.controls.slice(1) } : p));
        expect(GOODNESS[rate(noReason, answers, asOf).rating]).toBeLessThanOrEqual(GOODNESS[before.rating]);
        expect(GOODNESS[rate(fewerControls, answers, asOf).rating]).toBeLessThanOrEqual(GOODNESS[before.rating]);
      }),
    );
  });

  it('never scores a point recorded below its area’s tier without a reason lower than at the area’s tier', () => {
    fc.assert(
      fc.property(ligaturePoint('p', ['a1']), tier, (p, areaTier) => {
        const lowered = scoreLigaturePoint({ ...p, tierReason: null }, areaTier as SupervisionTier);
        const atArea = scoreLigaturePoint({ ...p, tier: Math.max(p.tier, areaTier) as SupervisionTier, tierReason: null });
        expect([lowered.inherent.score, lowered.residual.score]).toEqual([atArea.inherent.score, atArea.residual.score]);
      }),
    );
  });

  it('never lets the height band change a point’s inherent or residual score', () => {
    fc.assert(
      fc.property(ligaturePoint('p', ['a1']), fc.constantFrom(...HEIGHT_BANDS), (p, heightBand) => {
        const a = scoreLigaturePoint(p);
        const b = scoreLigaturePoint({ ...p, heightBand });
        expect([b.inherent.score, b.residual.score]).toEqual([a.inherent.score, a.residual.score]);
      }),
    );
  });

  it('never scores a residual likelihood below the tier floor without a documented control', () => {
    fc.assert(
      fc.property(ligaturePoint('p', ['a1']), (p) => {
        const scored = scoreLigaturePoint(p);
        const floor = { 1: 1, 2: 3, 3: 4 }[p.tier];
        expect(scored.inherent.likelihood).toBeGreaterThanOrEqual(floor);
        if (!scored.hasDocumentedControl) expect(scored.residual.likelihood).toBeGreaterThanOrEqual(floor);
        expect(scored.residual.score).toBeGreaterThanOrEqual(1);
        expect(scored.residual.score).toBeLessThanOrEqual(25);
      }),
    );
  });
});
