import { afterEach, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../src/shared/contract';
import { goodValue, instancesOf, signOff } from '../helpers/assessments';
import { createTestCore, type TestCore } from '../helpers/core';

// Two boards, one site each, five wards with hand-chosen answers. Every expected figure below is
// worked out by hand from the quality template's weights (points = weight × 2 for yes/grade A).
//
// Quality items asked: 12 ward-level items, weights 3+3+3+2+3+3+2+3+2+1+1+1 = 27; per area (any
// type) Q10, Q11, Q13 at weight 2 = 6; per bedroom also Q14 at weight 1.
//   2 bedrooms + 2 en-suites: 27 + 4×6 + 2 = 53 → 106 points
//   2 bedrooms + 1 en-suite:  27 + 3×6 + 2 = 47 →  94 points
//   2 bedrooms, no en-suite:  27 + 2×6 + 2 = 41 →  82 points
//
// Alpha / Hill Hospital
//   Ash     adult acute, 10 beds, 2+2: all compliant                       → 106/106 = 100.0 %
//   Beech   adult acute, 10 beds, 2+1: Q04 graded D (w2, −4)               →  90/94   =  95.7 %
//   Cherry  older adult,  8 beds, 2+0: Q04 D (−4), Q09 no (w2, −4)         →  74/82   =  90.2 %
// Beta / Shore Hospital
//   Daisy   adult acute, 12 beds, 2+2: Q03 no (critical, w3, −6)           → 100/106 =  94.3 %, red (gate)
//   Elm     older adult,  6 beds, 2+1: Q12 partial (w1, −1)                →  93/94   =  98.9 %
//
// Ligature (residual, after controls): Ash one high (tier 3, 4×3 = 12, no dated action → red);
// Beech one high (tier 2, 3×4 = 12, dated replacement → amber); Daisy one extreme (5×5 = 25 → red)
// and one moderate (2×2 = 4). Cherry and Elm: none, all prompts answered → green.
//
// The 2026/27 assessments are drafts: roll-ups leave them out unless drafts are asked for, so the
// figures below are asked for with includeDrafts (the default, signed-off only, is tested apart).

type Value = Input<'answers.record'>['value'];
type Data = Output<'compare.data'>;

let core: TestCore | undefined;
afterEach(() => core?.close());

function makeWard(c: TestCore, siteId: string, name: string, type: 'adult_acute' | 'older_adult', bedCount: number, enSuites: number) {
  const ward = c.call('wards.create', { siteId, name, type, bedCount, sexDesignation: 'mixed' });
  for (const n of [1, 2]) c.call('areas.create', { wardId: ward.id, type: 'bedroom', name: `Bedroom ${n}`, supervisionTier: 3 });
  for (let n = 1; n <= enSuites; n += 1) c.call('areas.create', { wardId: ward.id, type: 'en_suite', name: `En-suite ${n}`, supervisionTier: 3 });
  return ward;
}

/** Starts an assessment and answers every item compliantly except those named ('skip' leaves one unanswered). */
function assess(c: TestCore, wardId: string, answers: Record<string, Value | 'skip'> = {}, when: { round?: string; assessedOn?: string } = {}) {
  const assessment = c.call('assessments.start', {
    wardId,
    round: when.round ?? '2026/27',
    assessedOn: when.assessedOn ?? '2026-11-20',
    announced: true,
    assessors: [{ name: 'Morag Baird', role: 'estates' }],
  });
  const assessorId = assessment.assessors[0]!.id;
  for (const { item, areaId } of instancesOf(c, assessment)) {
    const value = answers[item.id] ?? goodValue(item);
    if (value === 'skip') continue;
    c.call('answers.record', { assessmentId: assessment.id, itemId: item.id, areaId, value, assessorId });
  }
  return { assessment, assessorId, area: (name: string) => assessment.areas.find((a) => a.name === name)!.areaId };
}

function point(
  c: TestCore,
  at: ReturnType<typeof assess>,
  area: string,
  element: string,
  tier: 2 | 3,
  [lb, sb, la, sa]: [number, number, number, number],
  kind: 'physical_modification' | 'access_restriction' | 'electronic_detection',
) {
  return c.call('ligaturePoints.create', {
    assessmentId: at.assessment.id,
    areaId: at.area(area),
    element,
    heightBand: 'above_head',
    tier,
    description: `${element} could hold a ligature`,
    controls: [{ kind, description: `${element}: ${kind.replace('_', ' ')}` }],
    likelihoodBefore: lb,
    severityBefore: sb,
    likelihoodAfter: la,
    severityAfter: sa,
    assessorId: at.assessorId,
  });
}

function buildEstate(c: TestCore) {
  const alpha = c.call('boards.create', { name: 'NHS Alpha' });
  const beta = c.call('boards.create', { name: 'NHS Beta' });
  c.call('boards.create', { name: 'NHS Gamma' }); // no wards: still a row at the national level
  const hill = c.call('sites.create', { boardId: alpha.id, name: 'Hill Hospital' });
  const shore = c.call('sites.create', { boardId: beta.id, name: 'Shore Hospital' });
  const ash = makeWard(c, hill.id, 'Ash Ward', 'adult_acute', 10, 2);
  const beech = makeWard(c, hill.id, 'Beech Ward', 'adult_acute', 10, 1);
  const cherry = makeWard(c, hill.id, 'Cherry Ward', 'older_adult', 8, 0);
  const daisy = makeWard(c, shore.id, 'Daisy Ward', 'adult_acute', 12, 2);
  const elm = makeWard(c, shore.id, 'Elm Ward', 'older_adult', 6, 1);

  // Ash's earlier round, signed off: all compliant except Q09 partial (w2, −2) → 104/106 = 98.1 %.
  const ashEarlier = assess(c, ash.id, { Q09: 'partial' }, { round: '2025/26', assessedOn: '2025-10-02' });
  signOff(c, ashEarlier.assessment.id, '2025-10-03T09:00:00Z');

  const ashNow = assess(c, ash.id);
  point(c, ashNow, 'Bedroom 1', 'Wardrobe rail', 3, [4, 4, 4, 3], 'physical_modification');
  const beechNow = assess(c, beech.id, { Q04: 'D' });
  const beechPoint = point(c, beechNow, 'Bedroom 2', 'Curtain track', 3, [4, 3, 4, 3], 'physical_modification');
  c.call('actions.create', { assessmentId: beechNow.assessment.id, ligaturePointId: beechPoint.id, type: 'replace', description: 'Fit a collapsible track', owner: 'Estates', dueDate: '2027-03-31', priority: 'high', status: 'open' });
  const cherryNow = assess(c, cherry.id, { Q04: 'D', Q09: 'no' });
  const daisyNow = assess(c, daisy.id, { Q03: 'no' });
  c.call('answers.record', { assessmentId: daisyNow.assessment.id, itemId: 'Q03', areaId: null, value: 'no', note: 'Fire door to the garden does not close', assessorId: daisyNow.assessorId });
  const extreme = point(c, daisyNow, 'Bedroom 1', 'Door hinge', 3, [5, 5, 5, 5], 'electronic_detection');
  const moderate = point(c, daisyNow, 'En-suite 1', 'Towel rail', 3, [4, 2, 2, 2], 'physical_modification');
  const elmNow = assess(c, elm.id, { Q12: 'partial', T20: 'skip' });
  return { alpha, beta, hill, shore, wards: { ash, beech, cherry, daisy, elm }, now: { ashNow, beechNow, cherryNow, daisyNow, elmNow }, ashEarlier, points: { extreme, moderate } };
}

const row = (data: Data, name: string) => data.rows.find((r) => r.name === name)!;

describe('compare.data', () => {
  it('puts the boards side by side with medians, quartiles, per-10-beds and the en-suite share worked out by hand', () => {
    core = createTestCore();
    buildEstate(core);
    const data = core.call('compare.data', { level: 'nation', includeDrafts: true });

    expect(data.rows.map((r) => [r.kind, r.name, r.wardCount, r.draftCount, r.bedCount])).toEqual([
      ['board', 'NHS Alpha', 3, 3, 28],
      ['board', 'NHS Beta', 2, 2, 18],
      ['board', 'NHS Gamma', 0, 0, 0],
    ]);
    expect(data.total.draftCount).toBe(5);
    const alpha = row(data, 'NHS Alpha');
    // Alpha's quality percentages 90.2, 95.7, 100: n = 3, positions (n−1)k/4 = 0.5k.
    // Q1 = 90.2 + 0.5 × 5.5 = 92.95; median 95.7; Q3 = 95.7 + 0.5 × 4.3 = 97.85.
    expect(alpha.quality.percentage).toEqual({ n: 3, min: 90.2, q1: 92.95, median: 95.7, q3: 97.85, max: 100 });
    expect(alpha.quality.ratingCounts).toEqual({ red: 0, amber: 0, green: 3, not_rated: 0 });
    expect(alpha.quality.rating).toBeNull();
    // Two high residual points over 28 beds: 2 ÷ 28 × 10 = 0.714 → 0.7.
    expect(alpha.ligature).toMatchObject({ highExtremeResidual: 2, bedCount: 28, highExtremeResidualPer10Beds: 0.7, residualByBand: { low: 0, moderate: 0, high: 2, extreme: 0 } });
    expect(alpha.ligature.ratingCounts).toEqual({ red: 1, amber: 1, green: 1, not_rated: 0 });
    // En-suite bedrooms: Ash min(2,2) = 2, Beech min(2,1) = 1, Cherry min(2,0) = 0 → 3 of 6 = 50 %.
    expect(alpha.enSuite).toEqual({ bedrooms: 6, enSuiteBedrooms: 3, share: 50 });

    const beta = row(data, 'NHS Beta');
    // 94.3 and 98.9: Q1 = 94.3 + 0.25 × 4.6 = 95.45; median 96.6; Q3 = 94.3 + 0.75 × 4.6 = 97.75.
    expect(beta.quality.percentage).toEqual({ n: 2, min: 94.3, q1: 95.45, median: 96.6, q3: 97.75, max: 98.9 });
    expect(beta.quality.ratingCounts).toEqual({ red: 1, amber: 0, green: 1, not_rated: 0 });
    // One extreme over 18 beds: 1 ÷ 18 × 10 = 0.556 → 0.6. The moderate point is not counted.
    expect(beta.ligature).toMatchObject({ highExtremeResidual: 1, highExtremeResidualPer10Beds: 0.6, residualByBand: { low: 0, moderate: 1, high: 0, extreme: 1 } });
    // Daisy min(2,2) = 2, Elm min(2,1) = 1 → 3 of 4 = 75 %.
    expect(beta.enSuite).toEqual({ bedrooms: 4, enSuiteBedrooms: 3, share: 75 });
    // Elm left T20 unanswered: 19 of its 20 therapeutic instances → 95 % complete; Daisy 100 %.
    expect(beta.therapeutic.completeness).toEqual({ n: 2, min: 95, q1: 96.25, median: 97.5, q3: 98.75, max: 100 });

    const gamma = row(data, 'NHS Gamma');
    expect(gamma.quality.percentage).toBeNull();
    expect(gamma.ligature.highExtremeResidualPer10Beds).toBeNull();
    expect(gamma.enSuite.share).toBeNull();

    // The whole nation: 90.2, 94.3, 95.7, 98.9, 100 → quartiles fall on values (positions 1, 2, 3).
    expect(data.total.quality.percentage).toEqual({ n: 5, min: 90.2, q1: 94.3, median: 95.7, q3: 98.9, max: 100 });
    // 3 high/extreme ÷ 46 beds × 10 = 0.652 → 0.7; en-suite 6 of 10 = 60 %.
    expect(data.total.ligature.highExtremeResidualPer10Beds).toBe(0.7);
    expect(data.total.enSuite.share).toBe(60);

    // By ward type. Adult acute 94.3, 95.7, 100: Q1 = 94.3 + 0.5 × 1.4 = 95.0, Q3 = 97.85.
    // Older adult 90.2, 98.9: Q1 = 90.2 + 0.25 × 8.7 = 92.375, median 94.55, Q3 = 96.725.
    expect(data.byWardType.quality).toEqual([
      { wardType: 'adult_acute', wardCount: 3, ratingCounts: { red: 1, amber: 0, green: 2, not_rated: 0 }, distribution: { n: 3, min: 94.3, q1: 95, median: 95.7, q3: 97.85, max: 100 } },
      { wardType: 'older_adult', wardCount: 2, ratingCounts: { red: 0, amber: 0, green: 2, not_rated: 0 }, distribution: { n: 2, min: 90.2, q1: 92.375, median: 94.55, q3: 96.725, max: 98.9 } },
    ]);
    // Adult acute: 3 high/extreme over 10 + 10 + 12 = 32 beds → 0.9375 → 0.9. Older adult: none over 14 beds.
    expect(data.byWardType.ligature.map((g) => [g.wardType, g.highExtremeResidual, g.bedCount, g.highExtremeResidualPer10Beds])).toEqual([
      ['adult_acute', 3, 32, 0.9],
      ['older_adult', 0, 14, 0],
    ]);
    expect(data.filters).toEqual({ wardTypes: [], round: null, includeDrafts: true, availableRounds: ['2026/27', '2025/26'], availableWardTypes: ['adult_acute', 'older_adult'] });
  });

  it('lists the sites of a board and the wards of a site, with each ward’s own ratings', () => {
    core = createTestCore();
    const estate = buildEstate(core);
    const sites = core.call('compare.data', { level: 'board', id: estate.beta.id, includeDrafts: true });
    expect(sites.scope).toEqual({ board: { id: estate.beta.id, name: 'NHS Beta' }, site: null });
    expect(sites.rows.map((r) => [r.kind, r.name, r.wardCount])).toEqual([['site', 'Shore Hospital', 2]]);

    const wards = core.call('compare.data', { level: 'site', id: estate.shore.id, includeDrafts: true });
    expect(wards.scope.site).toEqual({ id: estate.shore.id, name: 'Shore Hospital' });
    const daisy = row(wards, 'Daisy Ward');
    expect(daisy.kind).toBe('ward');
    expect(daisy.ward).toEqual({ type: 'adult_acute', assessmentId: estate.now.daisyNow.assessment.id, round: '2026/27', assessedOn: '2026-11-20', status: 'draft' });
    expect(daisy.quality).toMatchObject({ rating: 'red', percentage: { n: 1, median: 94.3 } });
    expect(daisy.ligature).toMatchObject({ rating: 'red', highExtremeResidual: 1, highExtremeResidualPer10Beds: 0.8 }); // 1 ÷ 12 × 10 = 0.83
    expect(row(wards, 'Elm Ward').therapeutic).toMatchObject({ rating: 'green', completeness: { n: 1, median: 95 } });
  });

  it('filters by ward type, by round, and counts drafts only when asked', () => {
    core = createTestCore();
    const estate = buildEstate(core);

    const older = core.call('compare.data', { level: 'nation', wardTypes: ['older_adult'], includeDrafts: true });
    expect(row(older, 'NHS Alpha')).toMatchObject({ wardCount: 1, bedCount: 8, quality: { percentage: { n: 1, median: 90.2 } }, enSuite: { bedrooms: 2, enSuiteBedrooms: 0, share: 0 } });
    expect(row(older, 'NHS Alpha').ligature.highExtremeResidualPer10Beds).toBe(0);
    expect(row(older, 'NHS Beta')).toMatchObject({ wardCount: 1, quality: { percentage: { median: 98.9 } } });
    expect(older.byWardType.quality.map((g) => g.wardType)).toEqual(['older_adult']);

    // The earlier round: only Ash was assessed then (98.1 %, no ligature points).
    const earlier = core.call('compare.data', { level: 'site', id: estate.hill.id, round: '2025/26', includeDrafts: true });
    expect(earlier.rows.map((r) => [r.name, r.ward?.assessmentId, r.quality.percentage?.median])).toEqual([['Ash Ward', estate.ashEarlier.assessment.id, 98.1]]);
    expect(earlier.filters.round).toBe('2025/26');

    // By default, signed-off only: Ash's earlier round is the only signed-off assessment, and it
    // stands for Ash although Ash's latest round is a draft.
    const signed = core.call('compare.data', { level: 'nation' });
    expect(signed.rows.map((r) => [r.name, r.wardCount, r.draftCount])).toEqual([['NHS Alpha', 1, 0], ['NHS Beta', 0, 0], ['NHS Gamma', 0, 0]]);
    expect(signed.filters).toMatchObject({ includeDrafts: false, availableRounds: ['2025/26'] });
    const ash = core.call('compare.data', { level: 'site', id: estate.hill.id });
    expect(ash.rows.map((r) => [r.name, r.ward?.assessmentId, r.ward?.status])).toEqual([['Ash Ward', estate.ashEarlier.assessment.id, 'signed_off']]);
  });

  it('refuses a board or site level without an id, naming the field', () => {
    core = createTestCore();
    const result = core.raw('compare.data', { level: 'board' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: ['id'], message: 'Choose the board or site to compare within' }] } });
  });
});

describe('compare.drill', () => {
  it('returns exactly the items that fell short, worst first, with area, answer, note, weight and critical flag', () => {
    core = createTestCore();
    const estate = buildEstate(core);
    const daisy = core.call('compare.drill', { assessmentId: estate.now.daisyNow.assessment.id, domain: 'quality' });
    expect(daisy).toMatchObject({ ward: { name: 'Daisy Ward' }, site: { name: 'Shore Hospital' }, board: { name: 'NHS Beta' }, rating: 'red', percentage: 94.3, completeness: 100 });
    expect(daisy.gates).toEqual(['Critical item Q03 answered no for the ward']);
    expect(daisy.items.map((i) => [i.itemId, i.areaName, i.answer, i.finding, i.note, i.weight, i.critical])).toEqual([
      ['Q03', 'Ward', 'no', 'no', 'Fire door to the garden does not close', 3, true],
    ]);
    expect(daisy.points).toEqual([]);

    const cherry = core.call('compare.drill', { wardId: estate.wards.cherry.id, domain: 'quality', includeDrafts: true });
    expect(cherry.items.map((i) => [i.itemId, i.answer, i.finding, i.weight, i.critical])).toEqual([
      ['Q04', 'D', 'no', 2, false],
      ['Q09', 'no', 'no', 2, false],
    ]);
    const elm = core.call('compare.drill', { wardId: estate.wards.elm.id, round: '2026/27', domain: 'quality', includeDrafts: true });
    expect(elm.items.map((i) => [i.itemId, i.answer, i.finding])).toEqual([['Q12', 'partial', 'partial']]);
    const elmTherapeutic = core.call('compare.drill', { wardId: estate.wards.elm.id, domain: 'therapeutic', includeDrafts: true });
    expect(elmTherapeutic.items.map((i) => [i.itemId, i.answer, i.finding])).toEqual([['T20', null, 'unanswered']]);
    expect(core.call('compare.drill', { wardId: estate.wards.ash.id, domain: 'safety', includeDrafts: true }).items).toEqual([]);
    // The earlier round of the same ward: its own shortfall. Without drafts it is Ash's current assessment.
    expect(core.call('compare.drill', { wardId: estate.wards.ash.id, round: '2025/26', domain: 'quality' }).items.map((i) => i.itemId)).toEqual(['Q09']);
    expect(core.call('compare.drill', { wardId: estate.wards.ash.id, domain: 'quality' }).assessment.id).toBe(estate.ashEarlier.assessment.id);
  });

  it('returns the ligature points with inherent and residual risk, band, tier, controls and action, highest first', () => {
    core = createTestCore();
    const estate = buildEstate(core);
    const daisy = core.call('compare.drill', { wardId: estate.wards.daisy.id, domain: 'ligature', includeDrafts: true });
    expect(daisy.rating).toBe('red');
    expect(daisy.items).toEqual([]);
    expect(daisy.points.map((p) => [p.id, p.areaName, p.element, p.tier, p.inherent.score, p.inherent.band, p.residual.score, p.residual.band])).toEqual([
      [estate.points.extreme.id, 'Bedroom 1', 'Door hinge', 3, 25, 'extreme', 25, 'extreme'],
      [estate.points.moderate.id, 'En-suite 1', 'Towel rail', 3, 8, 'high', 4, 'moderate'],
    ]);
    expect(daisy.points[0]!.controls).toEqual([{ kind: 'electronic_detection', description: 'Door hinge: electronic detection' }]);

    const beech = core.call('compare.drill', { wardId: estate.wards.beech.id, domain: 'ligature', includeDrafts: true });
    expect(beech.rating).toBe('amber');
    expect(beech.points).toHaveLength(1);
    expect(beech.points[0]!.actions).toEqual([{ type: 'replace', description: 'Fit a collapsible track', owner: 'Estates', dueDate: '2027-03-31', status: 'open' }]);
  });

  it('says so when a ward has no assessment in the round asked for', () => {
    core = createTestCore();
    const estate = buildEstate(core);
    const result = core.raw('compare.drill', { wardId: estate.wards.daisy.id, round: '2025/26', domain: 'quality', includeDrafts: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'This ward has no assessment in round 2025/26 to show.' } });
    // Without drafts, Daisy has nothing signed off at all.
    const signedOnly = core.raw('compare.drill', { wardId: estate.wards.daisy.id, domain: 'quality' });
    expect(signedOnly).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'This ward has no signed-off assessment to show.' } });
  });
});
