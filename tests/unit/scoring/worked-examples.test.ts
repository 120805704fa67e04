import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WARD_TYPES } from '../../../src/shared/domain/estate';
import {
  Answer,
  COMPLIANCE_GATE_REASONS,
  COMPLIANCE_RATING_BASES,
  ISSUE_CODES,
  LIGATURE_GATE_REASONS,
  LIGATURE_RATING_BASES,
  LigaturePoint,
  RATINGS,
  SCORING_ENGINE_VERSION,
  SCORING_METHOD_VERSION,
  SIGN_OFF_RULES,
  ScoringArea,
  ScoringWard,
  currentAssessments,
  notApplicablePromptsInSupervisedAreas,
  pointsNeedingConfirmation,
  rollUp,
  scoreComplianceDomain,
  scoreLigatureDomain,
  scoreWard,
  signOffProblems,
  type PinnedTemplates,
  type RollupWard,
} from '../../../src/shared/scoring';
import { DOMAINS } from '../../../src/shared/templates';
import { loadComplianceTemplate, loadLigatureTemplate } from '../templates/real-templates';

// Every worked example in the published method is run through the engine: the document and the
// code cannot drift apart without this test failing.

const DOC = fileURLToPath(new URL('../../../resources/docs/scoring-method.md', import.meta.url));
const BLOCK = /```json worked-example id="([^"]+)"\n([\s\S]*?)\n```/g;

function workedExamples(): { id: string; json: unknown }[] {
  const markdown = readFileSync(DOC, 'utf8');
  return [...markdown.matchAll(BLOCK)].map((match) => ({ id: match[1] ?? '', json: JSON.parse(match[2] ?? '') as unknown }));
}

/** "56/3" → 56 ÷ 3, so the document can state points exactly. */
const ExactNumber = z.union([z.number(), z.string().regex(/^\d+\/\d+$/)]);
function valueOf(exact: z.infer<typeof ExactNumber>): number {
  if (typeof exact === 'number') return exact;
  const [n, d] = exact.split('/').map(Number);
  return (n ?? Number.NaN) / (d ?? Number.NaN);
}

const ComplianceExample = z.object({
  kind: z.literal('compliance'),
  template: z.enum(['quality', 'safety', 'therapeutic']),
  items: z.array(z.string()).min(1),
  areas: z.array(ScoringArea),
  answers: z.array(Answer),
  expected: z.object({
    rating: z.enum(RATINGS),
    percentage: z.number().nullable(),
    completeness: z.number().nullable(),
    complete: z.boolean(),
    counts: z.object({
      applicable: z.number(),
      answered: z.number(),
      na: z.number(),
      scored: z.number(),
      points: ExactNumber,
      maxPoints: z.number(),
    }),
    sections: z.record(z.string(), z.number().nullable()).optional(),
    areas: z.record(z.string(), z.number().nullable()).optional(),
    gates: z.array(z.object({ itemId: z.string(), areaId: z.string().nullable(), reason: z.string() })),
  }),
});

const LigatureExample = z.object({
  kind: z.literal('ligature'),
  ward: ScoringWard,
  asOf: z.iso.date(),
  areas: z.array(ScoringArea),
  answers: z.array(Answer),
  ligaturePoints: z.array(LigaturePoint),
  expected: z.object({
    rating: z.enum(RATINGS),
    points: z
      .array(
        z.object({
          id: z.string(),
          inherent: z.number(),
          inherentBand: z.string(),
          residual: z.number(),
          residualBand: z.string(),
          floorApplied: z.object({ inherent: z.boolean(), residual: z.boolean() }),
        }),
      )
      .optional(),
    ratingBasis: z.string().optional(),
    gates: z.array(z.object({ pointId: z.string(), reason: z.string() })),
    issues: z.array(z.object({ code: z.string(), itemId: z.string().nullable(), areaId: z.string().nullable(), pointId: z.string().nullable() })).optional(),
    prompts: z.record(z.string(), z.unknown()),
    summary: z.record(z.string(), z.unknown()).optional(),
  }),
});

const TierShorthand = z.object({ tier1: z.number().optional(), tier2: z.number().optional(), tier3: z.number().optional() });
const Distribution = z.object({ n: z.number(), min: z.number(), q1: z.number(), median: z.number(), q3: z.number(), max: z.number() });
const RatingCounts = z.object({ red: z.number(), amber: z.number(), green: z.number(), not_rated: z.number() });
const RollupExample = z.object({
  kind: z.literal('rollup'),
  wards: z.array(
    z.object({
      wardId: z.string(),
      wardType: z.enum(WARD_TYPES),
      bedCount: z.number(),
      safety: z.object({ rating: z.enum(RATINGS), percentage: z.number().nullable() }),
      ligature: z.object({ rating: z.enum(RATINGS), high: TierShorthand, extreme: TierShorthand }),
    }),
  ),
  expected: z.object({
    safety: z.object({
      ratingCounts: RatingCounts,
      distribution: Distribution,
      byWardType: z.record(z.string(), Distribution),
    }),
    ligature: z.object({
      ratingCounts: RatingCounts,
      highExtremeResidual: z.number(),
      bedCount: z.number(),
      highExtremeResidualPer10Beds: z.number(),
      byWardType: z.record(z.string(), z.number()),
    }),
  }),
});

const SelectionExample = z.object({
  kind: z.literal('selection'),
  candidates: z.array(
    z.object({ id: z.string(), wardId: z.string(), round: z.string(), status: z.enum(['draft', 'signed_off']), assessedOn: z.iso.date(), createdAt: z.iso.datetime() }),
  ),
  cases: z.array(z.object({ includeDrafts: z.boolean(), round: z.string().nullable(), expected: z.array(z.string()) })),
});

const SignOffExample = z.object({
  kind: z.literal('signoff'),
  items: z.object({ quality: z.array(z.string()), safety: z.array(z.string()), ligature: z.array(z.string()), therapeutic: z.array(z.string()) }),
  ward: ScoringWard,
  assessedOn: z.iso.date(),
  round: z.string(),
  signedOn: z.iso.date(),
  undecidedRechecks: z.number().int(),
  confirmedOtherControls: z.array(z.string()),
  areas: z.array(ScoringArea),
  answers: z.array(Answer),
  ligaturePoints: z.array(LigaturePoint),
  expected: z.object({
    problems: z.array(z.object({ rule: z.enum(SIGN_OFF_RULES), itemId: z.string().optional(), areaId: z.string().nullable().optional(), pointId: z.string().optional() })),
    toConfirm: z.array(z.string()),
    notApplicableListed: z.array(z.object({ itemId: z.string(), areaId: z.string(), naReason: z.string().nullable() })),
  }),
});

const Example = z.discriminatedUnion('kind', [ComplianceExample, LigatureExample, RollupExample, SelectionExample, SignOffExample]);

function checkCompliance(example: z.infer<typeof ComplianceExample>): void {
  const full = loadComplianceTemplate(example.template);
  const template = { ...full, items: full.items.filter((item) => example.items.includes(item.id)) };
  expect(template.items.map((item) => item.id).sort()).toEqual([...example.items].sort());
  const result = scoreComplianceDomain(template, example.areas, example.answers);
  const { expected } = example;
  expect(result.rating).toBe(expected.rating);
  expect(result.percentage).toBe(expected.percentage);
  expect(result.completeness).toBe(expected.completeness);
  expect(result.complete).toBe(expected.complete);
  const { points, ...counts } = expected.counts;
  expect(result.counts).toMatchObject(counts);
  expect(Math.abs(result.counts.points - valueOf(points))).toBeLessThan(1e-9);
  expect(result.gates.map((g) => ({ itemId: g.itemId, areaId: g.areaId, reason: g.reason }))).toEqual(expected.gates);
  expect(result.issues).toEqual([]);
  for (const [sectionId, percentage] of Object.entries(expected.sections ?? {})) {
    expect(result.sections.find((s) => s.sectionId === sectionId)?.percentage, sectionId).toBe(percentage);
  }
  for (const [areaKey, percentage] of Object.entries(expected.areas ?? {})) {
    const areaId = areaKey === 'ward' ? null : areaKey;
    const part = result.areas.find((a) => a.areaId === areaId);
    expect(part, areaKey).toBeDefined();
    expect(part?.percentage, areaKey).toBe(percentage);
  }
}

function checkLigature(example: z.infer<typeof LigatureExample>): void {
  const result = scoreLigatureDomain(loadLigatureTemplate(), example);
  const { expected } = example;
  expect(result.rating).toBe(expected.rating);
  if (expected.ratingBasis) expect(result.ratingBasis).toBe(expected.ratingBasis);
  expect(result.gates.map((g) => ({ pointId: g.pointId, reason: g.reason }))).toEqual(expected.gates);
  if (expected.issues) expect(result.issues.map((i) => ({ code: i.code, itemId: i.itemId, areaId: i.areaId, pointId: i.pointId }))).toEqual(expected.issues);
  expect(result.prompts).toMatchObject(expected.prompts);
  if (expected.summary) expect(result.summary).toMatchObject(expected.summary);
  if (expected.points) {
    expect(
      result.points.map((p) => ({
        id: p.pointId,
        inherent: p.inherent.score,
        inherentBand: p.inherent.band,
        residual: p.residual.score,
        residualBand: p.residual.band,
        floorApplied: p.floorApplied,
      })),
    ).toEqual(expected.points);
  }
}

function checkRollup(example: z.infer<typeof RollupExample>): void {
  const notRated = { rating: 'not_rated' as const, percentage: null };
  const counts = (t: z.infer<typeof TierShorthand>) => ({ tier1: t.tier1 ?? 0, tier2: t.tier2 ?? 0, tier3: t.tier3 ?? 0 });
  const none = counts({});
  const wards: RollupWard[] = example.wards.map((w) => ({
    wardId: w.wardId,
    wardType: w.wardType,
    bedCount: w.bedCount,
    quality: notRated,
    safety: w.safety,
    therapeutic: notRated,
    ligature: {
      rating: w.ligature.rating,
      residualByBandAndTier: { low: none, moderate: none, high: counts(w.ligature.high), extreme: counts(w.ligature.extreme) },
    },
  }));
  const result = rollUp(wards);
  const { safety, ligature } = example.expected;
  expect(result.safety.ratingCounts).toEqual(safety.ratingCounts);
  expect(result.safety.distribution).toEqual(safety.distribution);
  expect(Object.fromEntries(result.safety.byWardType.map((g) => [g.wardType, g.distribution]))).toEqual(safety.byWardType);
  expect(result.ligature).toMatchObject({
    ratingCounts: ligature.ratingCounts,
    highExtremeResidual: ligature.highExtremeResidual,
    bedCount: ligature.bedCount,
    highExtremeResidualPer10Beds: ligature.highExtremeResidualPer10Beds,
  });
  expect(Object.fromEntries(result.ligature.byWardType.map((g) => [g.wardType, g.highExtremeResidualPer10Beds]))).toEqual(
    ligature.byWardType,
  );
}

function checkSelection(example: z.infer<typeof SelectionExample>): void {
  for (const c of example.cases) {
    const chosen = currentAssessments(example.candidates, { includeDrafts: c.includeDrafts, ...(c.round ? { round: c.round } : {}) });
    expect(chosen.map((a) => a.id), JSON.stringify(c)).toEqual(c.expected);
  }
}

function checkSignOff(example: z.infer<typeof SignOffExample>): void {
  const keep = <T extends { items: { id: string }[] }>(template: T, ids: string[]): T => ({ ...template, items: template.items.filter((i) => ids.includes(i.id)) });
  const templates = Object.fromEntries(
    DOMAINS.map((d) => [d, d === 'ligature' ? keep(loadLigatureTemplate(), example.items.ligature) : keep(loadComplianceTemplate(d), example.items[d])]),
  ) as unknown as PinnedTemplates;
  for (const d of DOMAINS) expect(templates[d].items.map((i) => i.id).sort()).toEqual([...example.items[d]].sort());
  const input = { ward: example.ward, areas: example.areas, answers: example.answers, ligaturePoints: example.ligaturePoints, asOf: example.assessedOn };
  const scores = scoreWard(templates, input);
  const problems = signOffProblems({
    templates,
    input,
    scores,
    round: example.round,
    signedOn: example.signedOn,
    undecidedRechecks: example.undecidedRechecks,
    confirmedOtherControls: new Set(example.confirmedOtherControls),
  });
  expect(problems).toHaveLength(example.expected.problems.length);
  example.expected.problems.forEach((expected, index) => expect(problems[index]).toMatchObject(expected));
  expect(pointsNeedingConfirmation(input, scores).map((p) => p.pointId)).toEqual(example.expected.toConfirm);
  expect(notApplicablePromptsInSupervisedAreas(templates, input)).toEqual(example.expected.notApplicableListed);
}

describe('worked examples in resources/docs/scoring-method.md', () => {
  const examples = workedExamples();

  it('include the examples the method promises', () => {
    expect(examples.map((e) => e.id)).toEqual([
      'compliance-1',
      'compliance-2',
      'ligature-1',
      'ligature-2',
      'ligature-3',
      'ligature-4',
      'ligature-5',
      'ligature-6',
      'ligature-7',
      'ligature-8',
      'ligature-9',
      'ligature-10',
      'rollup-1',
      'selection-1',
      'signoff-1',
      'signoff-2',
    ]);
  });

  it.each(examples)('$id: the engine gives exactly the figures the document states', ({ json }) => {
    const example = Example.parse(json);
    if (example.kind === 'compliance') checkCompliance(example);
    else if (example.kind === 'ligature') checkLigature(example);
    else if (example.kind === 'rollup') checkRollup(example);
    else if (example.kind === 'selection') checkSelection(example);
    else checkSignOff(example);
  });

  it('names the method and engine version the engine implements', () => {
    const markdown = readFileSync(DOC, 'utf8');
    expect(markdown).toContain(`**method version ${SCORING_METHOD_VERSION}** (scoring engine\n\`${SCORING_ENGINE_VERSION}\`)`);
  });

  it('names every issue code, rating basis, gate reason and sign-off rule the engine uses', () => {
    const markdown = readFileSync(DOC, 'utf8');
    const named = [...ISSUE_CODES, ...COMPLIANCE_RATING_BASES, ...LIGATURE_RATING_BASES, ...COMPLIANCE_GATE_REASONS, ...LIGATURE_GATE_REASONS, ...SIGN_OFF_RULES];
    expect(named.filter((code) => !markdown.includes(`\`${code}\``))).toEqual([]);
  });
});
