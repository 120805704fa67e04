import { describe, expect, it } from 'vitest';
import { HEIGHT_BANDS, bandForScore, scoreLigaturePoint, validateLigaturePoint } from '../../../src/shared/scoring';
import { VIGILANCE_ONLY, point } from './factories';

describe('ligature risk bands (NPSA 5×5 matrix)', () => {
  it('bands every score from 1 to 25, putting the impossible gaps 7, 13 and 14 in the band above', () => {
    const bands = Array.from({ length: 25 }, (_, i) => bandForScore(i + 1));
    expect(bands).toEqual([
      'low', 'low', 'low', // 1–3
      'moderate', 'moderate', 'moderate', // 4–6
      'high', // 7: never a product of two 1–5 integers; treated as high, the safer side
      'high', 'high', 'high', 'high', 'high', // 8–12
      'extreme', 'extreme', // 13, 14: never a product; treated as extreme
      ...Array<string>(11).fill('extreme'), // 15–25
    ]);
  });
});

describe('scoring one ligature point', () => {
  it('scores inherent and residual risk as likelihood × severity', () => {
    // tier 1 (no floor): inherent 3 × 4 = 12 high; residual 2 × 3 = 6 moderate
    const scored = scoreLigaturePoint(point({ likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 2, severityAfter: 3 }));
    expect(scored.inherent).toEqual({ likelihood: 3, severity: 4, score: 12, band: 'high' });
    expect(scored.residual).toEqual({ likelihood: 2, severity: 3, score: 6, band: 'moderate' });
    expect(scored.floorApplied).toEqual({ inherent: false, residual: false });
  });

  it('raises inherent likelihood to 4 in tier 3 and to 3 in tier 2, and says so', () => {
    // tier 3: L2 → 4, × S5 = 20 extreme; tier 2: L1 → 3, × S4 = 12 high
    const tier3 = scoreLigaturePoint(point({ tier: 3, likelihoodBefore: 2, severityBefore: 5 }));
    expect(tier3.inherent).toMatchObject({ likelihood: 4, score: 20, band: 'extreme' });
    expect(tier3.floorApplied.inherent).toBe(true);
    const tier2 = scoreLigaturePoint(point({ tier: 2, likelihoodBefore: 1, severityBefore: 4 }));
    expect(tier2.inherent).toMatchObject({ likelihood: 3, score: 12, band: 'high' });
    const aboveFloor = scoreLigaturePoint(point({ tier: 3, likelihoodBefore: 5, severityBefore: 5 }));
    expect(aboveFloor.floorApplied.inherent).toBe(false);
  });

  it('lets residual likelihood go below the floor when a documented control other than vigilance is recorded', () => {
    // tier 3, physical modification: residual 1 × 5 = 5 moderate
    const scored = scoreLigaturePoint(point({ tier: 3, likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 1, severityAfter: 5 }));
    expect(scored.residual).toMatchObject({ likelihood: 1, score: 5, band: 'moderate' });
    expect(scored.floorApplied.residual).toBe(false);
  });

  it('holds residual likelihood at the floor when staff vigilance is the only control', () => {
    // tier 3, vigilance only: residual L1 → 4, × S5 = 20 extreme
    const scored = scoreLigaturePoint(
      point({ tier: 3, likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 1, severityAfter: 5, controls: VIGILANCE_ONLY }),
    );
    expect(scored.residual).toMatchObject({ likelihood: 4, score: 20, band: 'extreme' });
    expect(scored.floorApplied.residual).toBe(true);
    expect(scored.hasDocumentedControl).toBe(false);
  });

  it('does not count a control with no description as documented', () => {
    // tier 2: residual L1 → 3 because the only non-vigilance control is blank; 3 × 3 = 9 high
    const scored = scoreLigaturePoint(
      point({ tier: 2, likelihoodAfter: 1, severityAfter: 3, controls: [{ kind: 'access_restriction', description: ' ' }] }),
    );
    expect(scored.residual).toMatchObject({ likelihood: 3, score: 9, band: 'high' });
  });

  it('gives the same scores whatever the height band, low-lying included', () => {
    const base = point({ tier: 2, likelihoodBefore: 2, severityBefore: 5, likelihoodAfter: 2, severityAfter: 4 });
    const scores = HEIGHT_BANDS.map((heightBand) => {
      const s = scoreLigaturePoint({ ...base, heightBand });
      return [s.inherent.score, s.residual.score];
    });
    expect(scores).toEqual(HEIGHT_BANDS.map(() => [15, 8])); // inherent 3×5, residual 2×4 (documented control)
  });
});

describe('validateLigaturePoint', () => {
  it('flags staff vigilance as the only control for a high residual risk as an error, and explains why', () => {
    // tier 2, vigilance only: residual L2 → 3, × S4 = 12 high
    const problems = validateLigaturePoint(
      point({ tier: 2, element: 'Curtain track', likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 2, severityAfter: 4, controls: VIGILANCE_ONLY }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'vigilance_only_control', severity: 'error', pointId: 'p1' });
    expect(problems[0]?.message).toContain('Curtain track: residual risk is high (12) and staff vigilance or observation is the only control recorded');
    expect(problems[0]?.message).toContain('not an acceptable control');
  });

  it('treats a high or extreme residual risk with no control at all the same way', () => {
    const problems = validateLigaturePoint(point({ likelihoodBefore: 5, severityBefore: 5, likelihoodAfter: 5, severityAfter: 5, controls: [] }));
    expect(problems.map((p) => p.code)).toEqual(['vigilance_only_control']);
    expect(problems[0]?.message).toContain('no control is recorded');
  });

  it('accepts vigilance alone for a moderate or low residual risk', () => {
    // tier 1: residual 2 × 3 = 6 moderate
    expect(validateLigaturePoint(point({ likelihoodAfter: 2, severityAfter: 3, likelihoodBefore: 2, controls: VIGILANCE_ONLY }))).toEqual([]);
  });

  it('accepts a high residual risk that has a documented control', () => {
    expect(validateLigaturePoint(point({ likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 3, severityAfter: 4 }))).toEqual([]);
  });

  it('flags a residual risk above the inherent risk as an error, and warns when it is lowered with no control recorded', () => {
    // inherent 1 × 2 = 2, residual 1 × 3 = 3: controls cannot add risk
    const above = validateLigaturePoint(point({ likelihoodBefore: 1, severityBefore: 2, likelihoodAfter: 1, severityAfter: 3 }));
    expect(above.map((p) => [p.code, p.severity])).toEqual([['residual_above_inherent', 'error']]);
    expect(above[0]?.message).toBe('Coat hook: the risk after controls (3) is higher than before controls (2); controls cannot add risk');
    const lowered = validateLigaturePoint(point({ likelihoodBefore: 3, severityBefore: 2, likelihoodAfter: 1, severityAfter: 2, controls: [] }));
    expect(lowered.map((p) => [p.code, p.severity])).toEqual([['residual_lowered_without_controls', 'warning']]);
  });
});

describe('staff observation, "other" controls and the area’s tier', () => {
  it('treats staff observation or engagement as vigilance: not a documented control', () => {
    // tier 3, observation only: residual L1 held at the floor 4, × S3 = 12 high
    const observed = point({ tier: 3, likelihoodBefore: 4, severityBefore: 3, likelihoodAfter: 1, severityAfter: 3, controls: [{ kind: 'staff_observation', description: 'Level 2 observation' }] });
    const scored = scoreLigaturePoint(observed);
    expect(scored).toMatchObject({ hasDocumentedControl: false, residual: { likelihood: 4, score: 12, band: 'high' }, floorApplied: { residual: true } });
    expect(validateLigaturePoint(observed).map((p) => p.code)).toEqual(['vigilance_only_control']);
  });

  it('counts an "other" control only with a description, and flags one without', () => {
    const blank = point({ tier: 2, likelihoodBefore: 3, severityBefore: 3, likelihoodAfter: 1, severityAfter: 3, controls: [{ kind: 'other', description: '' }] });
    // not documented: residual L1 held at the tier 2 floor 3, × S3 = 9 high
    expect(scoreLigaturePoint(blank)).toMatchObject({ hasDocumentedControl: false, residual: { score: 9 } });
    expect(validateLigaturePoint(blank).map((p) => p.code)).toEqual(['vigilance_only_control', 'control_without_description']);
    const described = point({ ...blank, controls: [{ kind: 'other', description: 'Fitting removed from reach by a fixed panel' }] });
    expect(scoreLigaturePoint(described)).toMatchObject({ hasDocumentedControl: true, residual: { score: 3 } });
  });

  it('scores a point at its area’s tier when it was recorded lower without a reason', () => {
    // recorded tier 1 in a tier 3 bedroom, vigilance only, L1 × S3:
    // at tier 1 it would be 1 × 3 = 3 low; at the area's tier 3 the floor makes it 4 × 3 = 12 high
    const lowered = point({ tier: 1, likelihoodBefore: 1, severityBefore: 3, likelihoodAfter: 1, severityAfter: 3, controls: VIGILANCE_ONLY });
    expect(scoreLigaturePoint(lowered).residual.score).toBe(3);
    const scored = scoreLigaturePoint(lowered, 3);
    expect(scored).toMatchObject({ tier: 3, tierFromArea: true, inherent: { score: 12 }, residual: { score: 12, band: 'high' } });
    expect(validateLigaturePoint(lowered, 3).map((p) => p.code)).toEqual(['vigilance_only_control', 'tier_below_area_without_reason']);
    // With a reason the recorded tier stands.
    const explained = scoreLigaturePoint({ ...lowered, tierReason: 'Fitting in full view of the staff base' }, 3);
    expect(explained).toMatchObject({ tier: 1, tierFromArea: false, residual: { score: 3 } });
  });
});
