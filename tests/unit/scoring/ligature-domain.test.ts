import { describe, expect, it } from 'vitest';
import { scoreLigatureDomain, type Answer, type LigatureAction, type LigaturePoint, type ScoringArea } from '../../../src/shared/scoring';
import { VIGILANCE_ONLY, answer, area, ligatureTemplate, perArea, point, prompt, ward } from './factories';

// One bedroom (tier 3) and one lounge (tier 2); prompt L01 in bedrooms, L09 in lounges, L14 ward-wide.
// Every expected figure below is worked out by hand in the comment beside it.
const template = ligatureTemplate([
  prompt('L01', perArea(['bedroom'])),
  prompt('L09', perArea(['lounge'])),
  prompt('L14', { scope: 'ward' }),
]);
const areas: ScoringArea[] = [area('a1', 'bedroom'), area('a2', 'lounge')];
const allNoRisk: Answer[] = [answer('L01', 'no_risk', 'a1'), answer('L09', 'no_risk', 'a2'), answer('L14', 'no_risk')];
const AS_OF = '2026-11-23';

function score(points: LigaturePoint[], answers: Answer[] = allNoRisk, bedCount = 10) {
  return scoreLigatureDomain(template, { ward: ward(bedCount), areas, answers, ligaturePoints: points, asOf: AS_OF });
}

/** A high residual point (3 × 4 = 12) in the lounge, tier 2, with a documented control. */
const highInLounge = (overrides: Partial<LigaturePoint> = {}) =>
  point({ id: 'h', areaId: 'a2', itemId: 'L09', tier: 2, likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 3, severityAfter: 4, ...overrides });

/** A low point (1 × 3 = 3) in the bedroom, tier 3, documented control (inherent raised to 4 × 3 = 12). */
const lowInBedroom = (overrides: Partial<LigaturePoint> = {}) => point({ id: 'l', areaId: 'a1', itemId: 'L01', tier: 3, likelihoodBefore: 4, ...overrides });

const action = (type: LigatureAction['type'], targetDate: string | undefined, status: LigatureAction['status']): LigatureAction =>
  targetDate === undefined ? { type, status } : { type, targetDate, status };
const datedReplace = action('replace', '2027-01-31', 'on_track');

const gatesOf = (result: ReturnType<typeof score>) => result.gates.map((g) => [g.pointId, g.reason]);

describe('ward ligature rating: red gates', () => {
  it('is red for any extreme residual point', () => {
    // tier 3 bedroom, documented control, 5 × 4 = 20 extreme
    const result = score([lowInBedroom({ likelihoodBefore: 5, severityBefore: 4, likelihoodAfter: 5, severityAfter: 4, actions: [datedReplace] })]);
    expect(result.rating).toBe('red');
    expect(gatesOf(result)).toEqual([['l', 'extreme_residual']]);
  });

  it('is red for a high residual point in tier 2 or 3 with no action, a mitigate action, or an undated removal', () => {
    for (const actions of [[], [action('mitigate', '2027-01-31', 'open')], [action('remove', undefined, 'open')]]) {
      const result = score([highInLounge({ actions })]);
      expect(result.rating).toBe('red');
      expect(gatesOf(result)).toEqual([['h', 'high_without_dated_removal']]);
    }
  });

  it('is amber for a high residual point in tier 2 with a dated replace action that is in date', () => {
    expect(score([highInLounge({ actions: [datedReplace] })])).toMatchObject({ rating: 'amber', ratingBasis: 'residual_risk', gates: [] });
  });

  it('is amber for a high residual point in tier 1 with a documented control and no action', () => {
    const tier1 = area('n1', 'entrance', 1);
    const result = scoreLigatureDomain(template, {
      ward: ward(),
      areas: [...areas, tier1],
      answers: allNoRisk,
      ligaturePoints: [point({ areaId: 'n1', likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 3, severityAfter: 4 })],
      asOf: AS_OF,
    });
    expect(result.rating).toBe('amber');
  });

  it('is red when a high point’s action is past its target date and not complete', () => {
    const result = score([highInLounge({ actions: [action('replace', '2026-11-22', 'on_track')] })]);
    expect(result.rating).toBe('red');
    expect(gatesOf(result)).toEqual([['h', 'action_overdue']]);
    expect(result.gates[0]?.message).toBe('Coat hook: high residual risk with an action past its target date (2026-11-22)');
  });

  it('does not count an action due on the assessment date, or a completed one, as overdue', () => {
    expect(score([highInLounge({ actions: [action('replace', AS_OF, 'on_track')] })]).rating).toBe('amber');
    expect(score([highInLounge({ actions: [datedReplace, action('mitigate', '2026-01-01', 'complete')] })]).rating).toBe('amber');
  });

  it('counts an action marked overdue as overdue even before its target date', () => {
    const result = score([highInLounge({ actions: [action('replace', '2027-01-31', 'overdue')] })]);
    expect(gatesOf(result)).toEqual([['h', 'action_overdue']]);
    expect(result.gates[0]?.message).toBe('Coat hook: high residual risk with an action marked overdue');
  });

  it('is red when staff vigilance is the only control for a high residual point, even with a dated action', () => {
    // tier 2, vigilance only: residual likelihood held at the floor 3, 3 × 4 = 12 high
    const result = score([highInLounge({ controls: VIGILANCE_ONLY, likelihoodAfter: 1, actions: [datedReplace] })]);
    expect(result.points[0]?.residual.score).toBe(12);
    expect(result.rating).toBe('red');
    expect(gatesOf(result)).toEqual([['h', 'vigilance_only_control']]);
    expect(result.issues.map((i) => i.code)).toEqual(['vigilance_only_control']);
  });

  it('treats staff observation or engagement alone as vigilance: red for a high risk', () => {
    const observed = highInLounge({ controls: [{ kind: 'staff_observation', description: 'Lounge staffed, engagement plan' }], actions: [datedReplace] });
    expect(gatesOf(score([observed]))).toEqual([['h', 'vigilance_only_control']]);
  });
});

describe('several actions on one ligature point: every action counts', () => {
  it('is red when any one of a point’s actions is overdue, though another is a dated removal in date', () => {
    // The engine used to let one action speak for the point (the open one due first): here the
    // removal due 2026-12-15, so the ward read amber with no overdue action. The replace marked
    // overdue now counts: red, one overdue action.
    const result = score([highInLounge({ actions: [action('remove', '2026-12-15', 'on_track'), action('replace', '2027-03-01', 'overdue')] })]);
    expect(result.rating).toBe('red');
    expect(gatesOf(result)).toEqual([['h', 'action_overdue']]);
    expect(result.summary.overdueActionCount).toBe(1);
  });

  it('is not red for want of a dated removal when any open action is one, whatever else the point carries', () => {
    // The earlier-due mitigate action used to speak for the point and fire "no dated removal".
    const result = score([highInLounge({ actions: [action('mitigate', '2026-12-01', 'open'), action('replace', '2027-01-31', 'open')] })]);
    expect(result).toMatchObject({ rating: 'amber', gates: [] });
  });

  it('does not let a completed removal stand for the point: red, and says what to do', () => {
    const result = score([highInLounge({ actions: [action('replace', '2026-10-01', 'complete')] })]);
    expect(result.rating).toBe('red');
    expect(gatesOf(result)).toEqual([['h', 'high_without_dated_removal']]);
    expect(result.gates[0]?.message).toContain('still recorded after its remove/replace action was completed');
    expect(result.issues.map((i) => i.code)).toEqual(['removal_complete_risk_still_high']);
    expect(result.issues[0]?.message).toContain('re-score its residual risk');
    // A new open, dated removal meets the rule again.
    expect(score([highInLounge({ actions: [action('replace', '2026-10-01', 'complete'), action('remove', '2027-02-28', 'open')] })]).rating).toBe('amber');
  });

  it('counts every overdue action, and takes the oldest target date over every open action', () => {
    // h: remove overdue (2026-11-01) and mitigate overdue (2026-11-10) → 2; h2: complete (2026-01-01) does not count, replace 2027-01-31 open
    const result = score([
      highInLounge({ actions: [action('remove', '2026-11-01', 'open'), action('mitigate', '2026-11-10', 'at_risk')] }),
      highInLounge({ id: 'h2', actions: [action('remove', '2026-01-01', 'complete'), datedReplace] }),
    ]);
    expect(result.summary.overdueActionCount).toBe(2);
    expect(result.summary.oldestOpenActionTargetDate).toBe('2026-11-01');
    expect(result.gates[0]?.message).toBe('Coat hook: high residual risk with 2 overdue actions (earliest target date 2026-11-01)');
  });
});

describe('ward ligature rating: missing evidence is "not rated", never hidden under a better rating', () => {
  it('is amber when moderate residual risk remains and every prompt is answered', () => {
    // tier 3 bedroom, documented control: 2 × 3 = 6 moderate
    expect(score([lowInBedroom({ likelihoodAfter: 2 })]).rating).toBe('amber');
  });

  it('is green when only low residual points remain and every prompt is answered', () => {
    expect(score([lowInBedroom()])).toMatchObject({ rating: 'green', ratingBasis: 'low_risk_and_complete' });
    expect(score([]).rating).toBe('green');
  });

  it('is not rated when prompts are unanswered, even where a moderate point would make it amber', () => {
    const result = score([lowInBedroom({ likelihoodAfter: 2 })], allNoRisk.slice(0, 2));
    expect(result).toMatchObject({ rating: 'not_rated', ratingBasis: 'prompts_incomplete' });
    expect(result.prompts).toMatchObject({ applicable: 3, answered: 2, completeness: 66.7, complete: false });
  });

  it('never hides red behind incomplete prompts', () => {
    const extreme = lowInBedroom({ likelihoodBefore: 5, severityBefore: 5, likelihoodAfter: 5, severityAfter: 5 });
    expect(score([extreme], []).rating).toBe('red');
  });

  it('is not rated when a prompt says a risk is present but no point is recorded for that prompt there', () => {
    const answers = [answer('L01', 'risk_present', 'a1'), answer('L09', 'no_risk', 'a2'), answer('L14', 'no_risk')];
    // A moderate point in the lounge (2 × 3 = 6 at tier 2, documented) would make it amber: the bedroom's risk is unrecorded, so not rated.
    const lounge = point({ id: 'm', areaId: 'a2', itemId: 'L09', tier: 2, likelihoodBefore: 3, likelihoodAfter: 2 });
    const result = score([lounge], answers);
    expect(result).toMatchObject({ rating: 'not_rated', ratingBasis: 'risk_not_recorded' });
    expect(result.issues.map((i) => [i.code, i.itemId, i.areaId])).toEqual([['risk_present_without_point', 'L01', 'a1']]);
    // A point in the bedroom recorded from another prompt does not answer L01 either.
    expect(score([lounge, lowInBedroom({ itemId: null })], answers).ratingBasis).toBe('risk_not_recorded');
    // Its own point does: the moderate lounge point leaves it amber.
    expect(score([lounge, lowInBedroom()], answers)).toMatchObject({ rating: 'amber', issues: [] });
  });

  it('is not rated when the ward-wide prompt says a risk is present and no point is recorded for it anywhere', () => {
    // Method 4.7: for the ward-wide prompt (L14) its point may be in any area.
    const answers = [answer('L01', 'no_risk', 'a1'), answer('L09', 'no_risk', 'a2'), answer('L14', 'risk_present')];
    const none = score([], answers);
    expect(none).toMatchObject({ rating: 'not_rated', ratingBasis: 'risk_not_recorded' });
    expect(none.issues.map((i) => [i.code, i.itemId, i.areaId])).toEqual([['risk_present_without_point', 'L14', null]]);
    expect(score([lowInBedroom({ itemId: 'L14' })], answers)).toMatchObject({ rating: 'green', issues: [] });
  });

  it('needs a reason for "not applicable" on a prompt: without one the prompt counts as unanswered', () => {
    const without = score([], [answer('L01', 'na', 'a1'), answer('L09', 'no_risk', 'a2'), answer('L14', 'no_risk')]);
    expect(without).toMatchObject({ rating: 'not_rated', ratingBasis: 'prompts_incomplete' });
    expect(without.prompts).toMatchObject({ answered: 2, na: 0, complete: false });
    expect(without.issues.map((i) => [i.code, i.itemId, i.areaId])).toEqual([['na_without_reason', 'L01', 'a1']]);
    const withReason = score([], [answer('L01', 'na', 'a1', 'Bedroom out of use, locked'), answer('L09', 'no_risk', 'a2'), answer('L14', 'no_risk')]);
    expect(withReason).toMatchObject({ rating: 'green', prompts: { answered: 3, na: 1, complete: true }, issues: [] });
  });

  it('is never green when every prompt is "not applicable"', () => {
    const allNa = [answer('L01', 'na', 'a1', 'Out of use'), answer('L09', 'na', 'a2', 'Out of use'), answer('L14', 'na', null, 'Out of use')];
    expect(score([], allNa)).toMatchObject({ rating: 'not_rated', ratingBasis: 'all_prompts_not_applicable' });
  });

  it('refuses prompt answers that are not no_risk, risk_present or na', () => {
    const result = score([], [answer('L01', 'yes', 'a1'), answer('L09', 'no_risk', 'a2'), answer('L14', 'no_risk')]);
    expect(result.issues.map((i) => [i.code, i.itemId])).toEqual([['invalid_value', 'L01']]);
    expect(result.rating).toBe('not_rated');
  });
});

describe('a point’s tier and its area’s', () => {
  it('scores a point recorded below its area’s tier without a reason at the area’s tier', () => {
    // tier 1 in the tier 2 lounge, vigilance only, recorded 1 × 4 both sides: at tier 1 it is
    // 4 low; at the lounge's tier 2 the floor makes it 3 × 4 = 12 high, vigilance alone, no action.
    const lowered = point({ id: 't', areaId: 'a2', itemId: 'L09', tier: 1, likelihoodBefore: 1, severityBefore: 4, likelihoodAfter: 1, severityAfter: 4, controls: VIGILANCE_ONLY });
    const result = score([lowered]);
    expect(result.points[0]).toMatchObject({ tier: 2, tierFromArea: true, inherent: { score: 12 }, residual: { score: 12 } });
    expect(result.rating).toBe('red');
    expect(gatesOf(result)).toEqual([['t', 'vigilance_only_control'], ['t', 'high_without_dated_removal']]);
    expect(result.issues.map((i) => i.code)).toEqual(['vigilance_only_control', 'tier_below_area_without_reason']);
    // With a reason, tier 1 stands: 1 × 4 = 4 moderate, amber.
    expect(score([{ ...lowered, tierReason: 'Fitting in the staff base, behind the counter' }])).toMatchObject({ rating: 'amber', gates: [], issues: [] });
  });
});

describe('ward ligature rating: other problems', () => {
  it('still scores a point recorded against an area outside the ward, and reports it', () => {
    const result = score([point({ areaId: 'elsewhere', likelihoodBefore: 5, severityBefore: 5, likelihoodAfter: 5, severityAfter: 5 })]);
    expect(result.rating).toBe('red');
    expect(result.issues.map((i) => i.code)).toContain('unknown_area');
  });
});

describe('ward ligature summary', () => {
  it('counts residual points by band, tier and area type, per 10 beds, with the highest score and oldest open action', () => {
    const points = [
      // bedroom tier 3, documented control: inherent L2→4 × 5 = 20 extreme (floor); residual 1 × 5 = 5 moderate
      point({ id: 'p1', areaId: 'a1', tier: 3, likelihoodBefore: 2, severityBefore: 5, likelihoodAfter: 1, severityAfter: 5 }),
      // lounge tier 2: 3 × 4 = 12 high, replace due 2027-01-31
      highInLounge({ id: 'p2', actions: [datedReplace] }),
      // lounge tier 2: 3 × 3 = 9 high, replace due 2026-12-15
      highInLounge({ id: 'p3', severityBefore: 3, severityAfter: 3, actions: [action('replace', '2026-12-15', 'on_track')] }),
      // lounge, tier 1 with a reason: 1 × 2 = 2 low both sides; a completed action is not open
      point({ id: 'p4', areaId: 'a2', tierReason: 'Behind the staff counter', severityBefore: 2, severityAfter: 2, actions: [action('remove', '2026-01-01', 'complete')] }),
    ];
    const { summary, rating } = score(points, allNoRisk, 12);
    expect(rating).toBe('amber');
    expect(summary.residualByBand).toEqual({ low: 1, moderate: 1, high: 2, extreme: 0 });
    expect(summary.inherentByBand).toEqual({ low: 1, moderate: 0, high: 2, extreme: 1 });
    expect(summary.residualByBandAndTier.high).toEqual({ tier1: 0, tier2: 2, tier3: 0 });
    expect(summary.residualByBandTierAreaType).toEqual([
      { band: 'low', tier: 1, areaType: 'lounge', count: 1 },
      { band: 'moderate', tier: 3, areaType: 'bedroom', count: 1 },
      { band: 'high', tier: 2, areaType: 'lounge', count: 2 },
    ]);
    expect(summary.highExtremeResidual).toBe(2);
    expect(summary.highExtremeResidualPer10Beds).toBe(1.7); // 2 ÷ 12 × 10 = 1.666… → 1.7
    expect(summary.highestResidualScore).toBe(12);
    expect(summary.oldestOpenActionTargetDate).toBe('2026-12-15');
    expect(summary.overdueActionCount).toBe(0);
    expect(summary.floorAppliedCount).toBe(1);
  });

  it('reports no highest score and no open action for an empty register', () => {
    const { summary } = score([]);
    expect(summary).toMatchObject({ pointCount: 0, highestResidualScore: null, oldestOpenActionTargetDate: null, highExtremeResidualPer10Beds: 0 });
  });
});

describe('points copied from a sample room', () => {
  const lowInBedroom = (overrides: Partial<LigaturePoint> = {}) =>
    point({ id: 'c', areaId: 'a1', tier: 3, likelihoodBefore: 4, severityBefore: 1, likelihoodAfter: 1, severityAfter: 1, ...overrides });

  it('keep the ward from green until each is confirmed in its own room, and score as recorded meanwhile', () => {
    const waiting = score([lowInBedroom({ copyToConfirm: true })]);
    expect([waiting.rating, waiting.ratingBasis]).toEqual(['not_rated', 'copies_unconfirmed']);
    expect(waiting.summary.pointCount).toBe(1);
    const confirmed = score([lowInBedroom({ copyToConfirm: false })]);
    expect([confirmed.rating, confirmed.ratingBasis]).toEqual(['green', 'low_risk_and_complete']);
  });

  it('never make the ward look safer: a copied moderate risk keeps it not rated, a copied extreme one makes it red', () => {
    const moderate = score([highInLounge({ copyToConfirm: true, likelihoodAfter: 2, severityAfter: 3, actions: [datedReplace] })]);
    expect([moderate.rating, moderate.ratingBasis]).toEqual(['not_rated', 'copies_unconfirmed']);
    expect(moderate.summary.residualByBand.moderate).toBe(1);
    expect(score([point({ likelihoodBefore: 5, severityBefore: 4, likelihoodAfter: 5, severityAfter: 4, actions: [datedReplace], copyToConfirm: true })]).rating).toBe('red');
  });
});
