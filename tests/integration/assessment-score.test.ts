import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../src/shared/contract';
import { goodValue, instancesOf, startAssessment } from '../helpers/assessments';
import { createTestCore, makeWard, type TestCore } from '../helpers/core';

// `assessments.score` on a small ward recorded through the contract into a real SQLite file.
// Every expected figure below was worked out by hand from the 2026.1 templates (item weights and
// where each item is asked), following resources/docs/scoring-method.md; the arithmetic is in the
// comments so it can be checked again without running anything.
//
// The ward: adult acute, 12 beds, with Bedroom 1 (tier 3), En-suite 1 (tier 3) and Lounge (tier 2).

let core: TestCore;
let result: Output<'assessments.score'>;
const ids: Record<string, string> = {};

beforeAll(() => {
  core = createTestCore();
  const { ward } = makeWard(core, { name: 'Rowan Ward', bedCount: 12 });
  ids.bedroom = core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 }).id;
  ids.ensuite = core.call('areas.create', { wardId: ward.id, type: 'en_suite', name: 'En-suite 1', supervisionTier: 3 }).id;
  ids.lounge = core.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 }).id;
  const assessment = startAssessment(core, ward.id, { assessedOn: '2026-11-20' });
  ids.assessment = assessment.id;
  const assessorId = assessment.assessors[0]!.id;

  // Everything compliant (yes, grade A, numbers at the yes cut-off, no ligature risk) except:
  //   safety S12 (ward, critical, weight 3) No; S08 in the Lounge Partial; S21 (ward) NA;
  //   S10 in the En-suite left unanswered; quality Q01 (ward, critical, weight 3) grade C;
  //   ligature L03 in Bedroom 1 and L09 in the Lounge "risk present".
  const special: Record<string, Input<'answers.record'>['value'] | undefined> = {
    'S12:ward': 'no',
    [`S08:${ids.lounge}`]: 'partial',
    'S21:ward': 'na',
    'Q01:ward': 'C',
    [`L03:${ids.bedroom}`]: 'risk_present',
    [`L09:${ids.lounge}`]: 'risk_present',
  };
  const skipped = `S10:${ids.ensuite}`; // left unanswered
  for (const { item, areaId } of instancesOf(core, assessment)) {
    const key = `${item.id}:${areaId ?? 'ward'}`;
    if (key === skipped) continue;
    const value = special[key] ?? goodValue(item);
    core.call('answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value, assessorId });
  }

  // Bedroom 1 wardrobe rail: before 4 × 5 = 20, after 3 × 5 = 15 (extreme), physically modified,
  // with a dated replacement in date (so the only gate is the extreme residual score).
  const rail = core.call('ligaturePoints.create', {
    assessmentId: assessment.id,
    areaId: ids.bedroom,
    itemId: 'L03',
    element: 'Wardrobe rail',
    heightBand: 'above_head',
    tier: 3,
    description: 'Fixed rail inside the wardrobe',
    controls: [{ kind: 'physical_modification', description: 'Rail shortened and reinforced; still load-bearing' }],
    likelihoodBefore: 4,
    severityBefore: 5,
    likelihoodAfter: 3,
    severityAfter: 5,
    assessorId,
  });
  ids.rail = rail.id;
  core.call('actions.create', {
    assessmentId: assessment.id,
    ligaturePointId: rail.id,
    type: 'replace',
    description: 'Replace with a collapsible rail',
    owner: 'Estates manager',
    dueDate: '2027-01-31',
    priority: 'high',
    status: 'open',
  });
  // Lounge TV cable: before 3 × 2 = 6, after 2 × 2 = 4 (moderate). Tier 2 floor is 3, but a
  // documented control other than vigilance lets the residual likelihood go below it.
  ids.cable = core.call('ligaturePoints.create', {
    assessmentId: assessment.id,
    areaId: ids.lounge,
    itemId: 'L09',
    element: 'TV cable',
    heightBand: 'low_lying',
    tier: 2,
    description: 'Loose cable behind the television',
    controls: [{ kind: 'environmental_check', description: 'Cable in trunking, checked every day' }],
    likelihoodBefore: 3,
    severityBefore: 2,
    likelihoodAfter: 2,
    severityAfter: 2,
    assessorId,
  }).id;

  result = core.call('assessments.score', { id: assessment.id });
});

afterAll(() => core.close());

describe('assessments.score for a small ward', () => {
  it('names the assessment and the template versions it was scored against', () => {
    expect(result).toMatchObject({
      assessmentId: ids.assessment,
      status: 'draft',
      templates: { quality: 'quality@2026.1', safety: 'safety@2026.1', ligature: 'ligature@2026.1', therapeutic: 'therapeutic@2026.1' },
    });
    expect(result.scores.asOf).toBe('2026-11-20');
    expect(result.scores.issues).toEqual([]);
  });

  it('scores safety at 93.8 % but rates it red, because a critical No fired a gate', () => {
    // Instances: 11 ward-level (S02 S04 S11 S12 S16 S17 weight 3; S13 S14 S18 weight 2; S21 S22 weight 1)
    // + 17 per area: S03 B,E (w2); S05 B,E, S06 B,E (w3); S07 B,E,L (w3); S08 B,E,L (w2); S09 E (w3);
    // S10 B,E,L (w2); S15 L (w2). Applicable 28; answered 27 (S10 E missing); NA 1 (S21); scored 26.
    // Σ weights scored = 68 − 2 (S10 E) − 1 (S21) = 65 → possible 130.
    // Points = 130 − 6 (S12 No: 3 × 2 lost) − 2 (S08 Lounge Partial: 2 × 1 lost) = 122.
    // 122 ÷ 130 = 93.846…% → 93.8; completeness 27 ÷ 28 = 96.428…% → 96.4 (≥ 90: complete).
    const safety = result.scores.safety;
    expect(safety).toMatchObject({
      rating: 'red',
      ratingBasis: 'gate',
      percentage: 93.8,
      completeness: 96.4,
      complete: true,
      counts: { applicable: 28, answered: 27, na: 1, scored: 26, points: 122, maxPoints: 130 },
    });
    expect(safety.gates.map(({ itemId, areaId, reason }) => ({ itemId, areaId, reason }))).toEqual([{ itemId: 'S12', areaId: null, reason: 'critical_no' }]);
  });

  it('breaks safety down by section with the same arithmetic', () => {
    // access_alarms: S02 3 + S04 3 + S03 B,E 2+2 = 10 → 20 of 20 = 100
    // doors_windows: S05 3+3, S06 3+3, S07 3+3+3, S08 2+2+2 = 27 → 54 − 2 = 52 of 54 = 96.296… → 96.3
    // heat_water: S09 E 3, S10 B 2, S10 L 2 (E unanswered) = 7 → 14 of 14 = 100
    // fire_smoking_ipc: S11 3 + S12 3 + S13 2 + S14 2 = 10 → 20 − 6 = 14 of 20 = 70
    // hazards_checks: S15 L 2 + S16 3 + S17 3 + S18 2 = 10 → 20 of 20 = 100
    // outdoor_seclusion_tech: S22 1 (S21 NA; S19 and S20 asked in no area here) → 2 of 2 = 100
    const sections = Object.fromEntries(result.scores.safety.sections.map((s) => [s.sectionId, [s.counts.points, s.counts.maxPoints, s.percentage]]));
    expect(sections).toEqual({
      access_alarms: [20, 20, 100],
      doors_windows: [52, 54, 96.3],
      heat_water: [14, 14, 100],
      fire_smoking_ipc: [14, 20, 70],
      hazards_checks: [20, 20, 100],
      outdoor_seclusion_tech: [2, 2, 100],
    });
  });

  it('breaks safety down by area, with the ward-level items as their own group', () => {
    // ward: weights 26 − 1 (S21 NA) = 25 → 50 − 6 = 44 of 50 = 88.0
    // Bedroom 1: S03 2, S05 3, S06 3, S07 3, S08 2, S10 2 = 15 → 30 of 30 = 100
    // En-suite 1: S03 2, S05 3, S06 3, S07 3, S08 2, S09 3 = 16 (S10 unanswered) → 32 of 32 = 100
    // Lounge: S07 3, S08 2, S10 2, S15 2 = 9 → 18 − 2 = 16 of 18 = 88.888… → 88.9
    const areas = Object.fromEntries(result.scores.safety.areas.map((a) => [a.areaId ?? 'ward', [a.counts.points, a.counts.maxPoints, a.percentage, a.counts.applicable]]));
    expect(areas).toEqual({
      ward: [44, 50, 88, 11],
      [ids.bedroom!]: [30, 30, 100, 6],
      [ids.ensuite!]: [32, 32, 100, 7],
      [ids.lounge!]: [16, 18, 88.9, 4],
    });
  });

  it('keeps a grade C on a critical quality item as a score, not a gate', () => {
    // Ward-level weights: Q01 3, Q02 3, Q03 3, Q04 2, Q05 3, Q06 3, Q07 2, Q08 3, Q09 2, Q12 1, Q15 1, Q16 1 = 27;
    // per area: Q10, Q11, Q13 in B, E, L (2 each: 18) and Q14 in B, L (1 each: 2) = 20. Σ 47 → 94.
    // Q01 grade C earns 3 × 2/3 = 2 instead of 6: 90 of 94 = 95.744…% → 95.7, green (C is not a gate).
    expect(result.scores.quality).toMatchObject({
      rating: 'green',
      ratingBasis: 'percentage',
      percentage: 95.7,
      completeness: 100,
      complete: true,
      gates: [],
      counts: { applicable: 23, answered: 23, na: 0, scored: 23, maxPoints: 94 },
    });
    expect(result.scores.quality.counts.points).toBeCloseTo(90, 9);
  });

  it('rates a fully compliant therapeutic environment green at 100 %', () => {
    // 12 ward-level items + T01, T06, T07 in the bedroom, T02 in the lounge, T15 in both = 18.
    expect(result.scores.therapeutic).toMatchObject({ rating: 'green', percentage: 100, completeness: 100, gates: [], counts: { applicable: 18, answered: 18 } });
  });

  it('rates ligature risk red for one extreme residual point, however good everything else is', () => {
    // Prompts: Bedroom 1 L01–L04 + L05; En-suite 1 L05, L06, L07; Lounge L05, L09; ward L14 = 11, all answered.
    // Rail: inherent 4 × 5 = 20 extreme; residual 3 × 5 = 15 extreme (documented control, so no floor).
    // Cable: inherent 3 × 2 = 6 moderate (tier 2 floor 3 already met); residual 2 × 2 = 4 moderate.
    // Per 10 beds: 1 high-or-extreme ÷ 12 beds × 10 = 0.833… → 0.8.
    const ligature = result.scores.ligature;
    expect(ligature).toMatchObject({
      rating: 'red',
      ratingBasis: 'gate',
      prompts: { applicable: 11, answered: 11, na: 0, riskPresent: 2, completeness: 100, complete: true },
      summary: {
        residualByBand: { low: 0, moderate: 1, high: 0, extreme: 1 },
        inherentByBand: { low: 0, moderate: 1, high: 0, extreme: 1 },
        highExtremeResidual: 1,
        highExtremeResidualPer10Beds: 0.8,
        highestResidualScore: 15,
        oldestOpenActionTargetDate: '2027-01-31',
        overdueActionCount: 0,
        floorAppliedCount: 0,
      },
    });
    expect(ligature.gates.map(({ pointId, areaId, reason }) => ({ pointId, areaId, reason }))).toEqual([{ pointId: ids.rail, areaId: ids.bedroom, reason: 'extreme_residual' }]);
    const points = Object.fromEntries(ligature.points.map((p) => [p.pointId, [p.inherent.score, p.inherent.band, p.residual.score, p.residual.band]]));
    expect(points).toEqual({ [ids.rail!]: [20, 'extreme', 15, 'extreme'], [ids.cable!]: [6, 'moderate', 4, 'moderate'] });
  });
});
