import { describe, expect, it } from 'vitest';
import { scoreLigatureDomain, type Answer, type LigaturePoint, type ScoringArea } from '../../../src/shared/scoring';
import { VIGILANCE_ONLY, answer, area, ligatureTemplate, perArea, point, prompt, ward } from './factories';

// One bedroom (tier 3) and one lounge (tier 2); prompt L01 in bedrooms, L09 in lounges, L14 ward-wide.
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
  point({ id: 'h', areaId: 'a2', tier: 2, likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 3, severityAfter: 4, ...overrides });

const datedReplace = { type: 'replace' as const, targetDate: '2027-01-31', status: 'on_track' as const };

describe('ward ligature rating', () => {
  it('is red for any extreme residual point', () => {
    // tier 1, documented control, 5 × 4 = 20 extreme
    const result = score([point({ likelihoodBefore: 5, severityBefore: 4, likelihoodAfter: 5, severityAfter: 4, action: datedReplace })]);
    expect(result.rating).toBe('red');
    expect(result.gates.map((g) => g.reason)).toEqual(['extreme_residual']);
  });

  it('is red for a high residual point in tier 2 or 3 with no action, a mitigate action, or an undated removal', () => {
    for (const action of [null, { type: 'mitigate' as const, targetDate: '2027-01-31', status: 'open' as const }, { type: 'remove' as const, status: 'open' as const }]) {
      const result = score([highInLounge({ action })]);
      expect(result.rating).toBe('red');
      expect(result.gates.map((g) => g.reason)).toEqual(['high_without_dated_removal']);
    }
  });

  it('is amber for a high residual point in tier 2 with a dated replace action that is in date', () => {
    const result = score([highInLounge({ action: datedReplace })]);
    expect(result).toMatchObject({ rating: 'amber', ratingBasis: 'residual_risk', gates: [] });
  });

  it('is amber for a high residual point in tier 1 with a documented control and no action', () => {
    const result = score([point({ likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 3, severityAfter: 4 })]);
    expect(result.rating).toBe('amber');
  });

  it('is red when a high point’s action is past its target date and not complete', () => {
    const overdue = { type: 'replace' as const, targetDate: '2026-11-22', status: 'on_track' as const };
    const result = score([highInLounge({ action: overdue })]);
    expect(result.rating).toBe('red');
    expect(result.gates.map((g) => g.reason)).toEqual(['action_overdue']);
  });

  it('does not count an action due on the assessment date, or a completed one, as overdue', () => {
    expect(score([highInLounge({ action: { ...datedReplace, targetDate: AS_OF } })]).rating).toBe('amber');
    expect(score([highInLounge({ action: { ...datedReplace, targetDate: '2026-01-01', status: 'complete' } })]).rating).toBe('amber');
  });

  it('counts an action marked overdue as overdue even before its target date', () => {
    const result = score([highInLounge({ action: { ...datedReplace, status: 'overdue' } })]);
    expect(result.gates.map((g) => g.reason)).toEqual(['action_overdue']);
  });

  it('is red when staff vigilance is the only control for a high residual point, even with a dated action', () => {
    // tier 2, vigilance only: residual likelihood held at 3, 3 × 4 = 12 high
    const result = score([highInLounge({ controls: VIGILANCE_ONLY, likelihoodAfter: 1, action: datedReplace })]);
    expect(result.points[0]?.residual.score).toBe(12);
    expect(result.rating).toBe('red');
    expect(result.gates.map((g) => g.reason)).toEqual(['vigilance_only_control']);
    expect(result.issues.map((i) => i.code)).toEqual(['vigilance_only_control']);
  });

  it('is amber when moderate residual risk remains and nothing is high', () => {
    const result = score([point({ likelihoodBefore: 2, severityBefore: 3, likelihoodAfter: 2, severityAfter: 3 })]);
    expect(result.rating).toBe('amber');
  });

  it('is green when only low residual points remain and every prompt is answered', () => {
    expect(score([point()])).toMatchObject({ rating: 'green', ratingBasis: 'low_risk_and_complete' });
    expect(score([]).rating).toBe('green');
  });

  it('is not rated, rather than green, when only low points remain but prompts are unanswered', () => {
    const result = score([point()], allNoRisk.slice(0, 2));
    expect(result).toMatchObject({ rating: 'not_rated', ratingBasis: 'prompts_incomplete' });
    expect(result.prompts).toMatchObject({ applicable: 3, answered: 2, completeness: 66.7, complete: false });
  });

  it('never hides red behind incomplete prompts', () => {
    const extreme = point({ likelihoodBefore: 5, severityBefore: 5, likelihoodAfter: 5, severityAfter: 5 });
    expect(score([extreme], []).rating).toBe('red');
  });

  it('is not rated when a prompt says a risk is present but no point is recorded in that area', () => {
    const answers = [answer('L01', 'risk_present', 'a1'), answer('L09', 'no_risk', 'a2'), answer('L14', 'no_risk')];
    const result = score([point({ areaId: 'a2' })], answers);
    expect(result).toMatchObject({ rating: 'not_rated', ratingBasis: 'risk_not_recorded' });
    expect(result.issues.map((i) => [i.code, i.itemId, i.areaId])).toEqual([['risk_present_without_point', 'L01', 'a1']]);
    expect(score([point({ areaId: 'a1' })], answers).rating).toBe('green');
  });

  it('is not rated when the ward-wide prompt says a risk is present and no point is recorded anywhere on the ward', () => {
    // Method 4.7 rule 4: for the ward-wide prompt (L14) a point in any area answers it.
    const answers = [answer('L01', 'no_risk', 'a1'), answer('L09', 'no_risk', 'a2'), answer('L14', 'risk_present')];
    const none = score([], answers);
    expect(none).toMatchObject({ rating: 'not_rated', ratingBasis: 'risk_not_recorded' });
    expect(none.issues.map((i) => [i.code, i.itemId, i.areaId])).toEqual([['risk_present_without_point', 'L14', null]]);
    // One low point (1 × 3 = 3, tier 1) in the lounge is enough: every prompt answered, only low risk → green.
    expect(score([point({ areaId: 'a2' })], answers)).toMatchObject({ rating: 'green', issues: [] });
  });

  it('counts not-applicable prompt answers as answered', () => {
    const answers = [answer('L01', 'na', 'a1'), answer('L09', 'na', 'a2'), answer('L14', 'no_risk')];
    expect(score([], answers).prompts).toMatchObject({ answered: 3, na: 2, complete: true });
  });

  it('refuses prompt answers that are not no_risk, risk_present or na', () => {
    const result = score([], [answer('L01', 'yes', 'a1'), answer('L09', 'no_risk', 'a2'), answer('L14', 'no_risk')]);
    expect(result.issues.map((i) => [i.code, i.itemId])).toEqual([['invalid_value', 'L01']]);
    expect(result.rating).toBe('not_rated');
  });

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
      highInLounge({ id: 'p2', action: datedReplace }),
      // lounge tier 2: 3 × 3 = 9 high, replace due 2026-12-15
      highInLounge({ id: 'p3', severityBefore: 3, severityAfter: 3, action: { ...datedReplace, targetDate: '2026-12-15' } }),
      // lounge tier 1 override: 1 × 2 = 2 low; a completed action does not count as open
      point({ id: 'p4', areaId: 'a2', severityBefore: 2, severityAfter: 2, action: { type: 'remove', targetDate: '2026-01-01', status: 'complete' } }),
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

  it('never hide a worse rating: a copied moderate risk is amber, a copied extreme one red', () => {
    expect(score([highInLounge({ copyToConfirm: true, likelihoodAfter: 2, severityAfter: 3, action: datedReplace })]).rating).toBe('amber');
    expect(score([point({ likelihoodBefore: 5, severityBefore: 4, likelihoodAfter: 5, severityAfter: 4, action: datedReplace, copyToConfirm: true })]).rating).toBe('red');
  });
});
