import { describe, expect, it } from 'vitest';
import { AREA_TYPES, DEFAULT_TIER_BY_AREA_TYPE } from '../../../src/shared/domain/estate';
import { AreaCreate, WardCreate } from '../../../src/shared/domain/estate-schemas';

const wardId = '0b6a9c1e-8d2f-4f7a-9a51-2f3e4d5c6b7a';

describe('estate schemas (shared by the forms and the services)', () => {
  it('accepts each area type at its default tier without a reason', () => {
    for (const type of AREA_TYPES) {
      const parsed = AreaCreate.safeParse({ wardId, type, name: 'Room', supervisionTier: DEFAULT_TIER_BY_AREA_TYPE[type] });
      expect(parsed.success, type).toBe(true);
    }
  });

  it('asks for a reason, at the reason field, when the tier differs from the default', () => {
    const parsed = AreaCreate.safeParse({ wardId, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 1, tierOverrideReason: '   ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['tierOverrideReason'], message: expect.stringContaining('default for this area type is tier 3') }),
    ]);
  });

  it('defaults bedrooms, en-suites, bathrooms and seclusion rooms to tier 3 (least supervised)', () => {
    for (const type of ['bedroom', 'en_suite', 'bathroom_wc', 'seclusion'] as const) expect(DEFAULT_TIER_BY_AREA_TYPE[type]).toBe(3);
  });

  it('trims names, turns blank optional codes into null and refuses odd characters in codes', () => {
    const base = { siteId: wardId, type: 'adult_acute', bedCount: 20, sexDesignation: 'mixed' } as const;
    expect(WardCreate.parse({ ...base, name: '  Birch  ', block: '  ', eamsBlockCode: '' })).toMatchObject({ name: 'Birch', block: null, eamsBlockCode: null });
    expect(WardCreate.safeParse({ ...base, name: 'Birch', eamsBlockCode: '<script>' }).success).toBe(false);
  });

  it('wants a whole number of beds from 1 to 200', () => {
    const base = { siteId: wardId, name: 'Birch', type: 'adult_acute', sexDesignation: 'mixed' } as const;
    for (const bad of [0, -3, 2.5, 201, Number.NaN]) expect(WardCreate.safeParse({ ...base, bedCount: bad }).success, String(bad)).toBe(false);
    expect(WardCreate.safeParse({ ...base, bedCount: 1 }).success).toBe(true);
  });
});
