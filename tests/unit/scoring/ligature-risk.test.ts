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
  it('refuses staff vigilance as the only control for a high residual risk, and explains why', () => {
    // tier 2, vigilance only: residual L2 → 3, × S4 = 12 high
    const problems = validateLigaturePoint(
      point({ tier: 2, element: 'Curtain track', likelihoodBefore: 3, severityBefore: 4, likelihoodAfter: 2, severityAfter: 4, controls: VIGILANCE_ONLY }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'vigilance_only_control', severity: 'error', pointId: 'p1' });
    expect(problems[0]?.message).toContain('Curtain track: residual risk is high (12) and staff vigilance is the only control recorded');
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

  it('warns when residual risk is above inherent risk, or lowered with no control recorded', () => {
    const above = validateLigaturePoint(point({ likelihoodBefore: 1, severityBefore: 2, likelihoodAfter: 1, severityAfter: 3 }));
    expect(above.map((p) => [p.code, p.severity])).toEqual([['residual_above_inherent', 'warning']]);
    const lowered = validateLigaturePoint(point({ likelihoodBefore: 3, severityBefore: 2, likelihoodAfter: 1, severityAfter: 2, controls: [] }));
    expect(lowered.map((p) => [p.code, p.severity])).toEqual([['residual_lowered_without_controls', 'warning']]);
  });
});
