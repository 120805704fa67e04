import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPERVISION_TIERS, type AreaType, type SupervisionTier } from '../../../src/shared/domain/estate';
import {
  CONTROL_KINDS,
  HEIGHT_BANDS,
  scoreComplianceDomain,
  scoreLigatureDomain,
  scoreLigaturePoint,
  type Answer,
  type AnswerValue,
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
const isoDate = fc.integer({ min: 0, max: 1500 }).map((days) => new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));

const ligaturePoint = (id: string, areaIds: string[]): fc.Arbitrary<LigaturePoint> =>
  fc.record({
    id: fc.constant(id),
    areaId: fc.constantFrom(...areaIds),
    tier,
    element: fc.constant('Fitting'),
    heightBand: fc.constantFrom(...HEIGHT_BANDS),
    likelihoodBefore: oneToFive,
    severityBefore: oneToFive,
    likelihoodAfter: oneToFive,
    severityAfter: oneToFive,
    controls: fc.array(fc.record({ kind: fc.constantFrom(...CONTROL_KINDS), description: fc.constantFrom('', 'Documented control') }), { maxLength: 3 }),
    action: fc.option(
      fc.record({
        type: fc.constantFrom('remove' as const, 'replace' as const, 'mitigate' as const, 'accept' as const),
        targetDate: fc.option(isoDate, { nil: undefined }),
        status: fc.constantFrom('open' as const, 'on_track' as const, 'at_risk' as const, 'overdue' as const, 'complete' as const),
      }),
      { nil: null },
    ),
  });

describe('ligature rating invariants', () => {
  const template = ligatureTemplate([prompt('L01', perArea(['bedroom'])), prompt('L09', perArea(['lounge'])), prompt('L14', { scope: 'ward' })]);
  const areas: ScoringArea[] = [
    { id: 'a1', type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 },
    { id: 'a2', type: 'lounge', name: 'Lounge', supervisionTier: 2 },
  ];
  const promptAnswers = fc.subarray([
    answer('L01', 'no_risk', 'a1'),
    answer('L09', 'risk_present', 'a2'),
    answer('L14', 'na'),
  ]);
  const otherPoints = fc.array(fc.nat(), { maxLength: 6 }).chain((ns) =>
    fc.tuple(...ns.map((_, i) => ligaturePoint(`p${i}`, ['a1', 'a2', 'elsewhere']))),
  );
  // Residual scores of 15 or more, with a documented control so no floor is involved.
  const extremeResidual = fc.constantFrom([5, 3], [3, 5], [4, 4], [5, 4], [4, 5], [5, 5]);

  it('is red whenever one extreme residual point exists, whatever else is true', () => {
    fc.assert(
      fc.property(otherPoints, promptAnswers, extremeResidual, tier, fc.nat(), isoDate, (others, answers, [l, sv], t, at, asOf) => {
        const extreme: LigaturePoint = {
          id: 'extreme',
          areaId: 'a1',
          tier: t as SupervisionTier,
          element: 'Door top',
          heightBand: 'above_head',
          likelihoodBefore: l,
          severityBefore: sv,
          likelihoodAfter: l,
          severityAfter: sv,
          controls: [{ kind: 'physical_modification', description: 'Door-top alarm fitted' }],
          action: { type: 'replace', targetDate: '2099-01-01', status: 'on_track' },
        };
        const points = [...others];
        points.splice(at % (points.length + 1), 0, extreme);
        const result = scoreLigatureDomain(template, { ward: ward(), areas, answers, ligaturePoints: points, asOf });
        expect(result.rating).toBe('red');
        expect(result.gates.some((g) => g.pointId === 'extreme' && g.reason === 'extreme_residual')).toBe(true);
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
