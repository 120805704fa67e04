import { describe, expect, it } from 'vitest';
import { AREA_TYPES, SUPERVISION_TIERS } from '../../../src/shared/domain/estate';
import { DOMAINS, appliesToArea } from '../../../src/shared/templates';
import { loadTemplate } from './real-templates';

// The brief's proposed item counts (domain brief §7.2); the ligature file adds prompts so that
// no area type is left without one.
const MINIMUM_ITEMS = { quality: 16, safety: 22, ligature: 14, therapeutic: 20 } as const;

describe('shipped checklist templates', () => {
  it.each(DOMAINS)('%s.json loads and validates against the template schema', (domain) => {
    const template = loadTemplate(domain);
    expect(template.domain).toBe(domain);
    expect(template.templateId).toBe(domain);
  });

  it.each(DOMAINS)('%s.json has at least the number of items the domain brief proposes', (domain) => {
    expect(loadTemplate(domain).items.length).toBeGreaterThanOrEqual(MINIMUM_ITEMS[domain]);
  });

  it.each(DOMAINS)('%s.json is marked as a proposed version in its status and title', (domain) => {
    const template = loadTemplate(domain);
    expect(template.status).toBe('proposed');
    expect(template.title.toLowerCase()).toContain('proposed');
    expect(template.description.toLowerCase()).toContain('proposed');
  });

  it('uses each item id once across all four templates', () => {
    const ids = DOMAINS.flatMap((domain) => loadTemplate(domain).items.map((item) => item.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('asks at least one ligature prompt in every area type at every supervision tier', () => {
    const ligature = loadTemplate('ligature');
    const uncovered = AREA_TYPES.flatMap((type) =>
      SUPERVISION_TIERS.filter(
        (tier) => !ligature.items.some((item) => appliesToArea(item.appliesTo, { id: 'a', type, supervisionTier: tier })),
      ).map((tier) => `${type} tier ${tier}`),
    );
    expect(uncovered).toEqual([]);
  });

  it('asks the ceiling prompt L05 in tier 2 and 3 areas of any type but not in tier 1 areas', () => {
    const l05 = loadTemplate('ligature').items.find((item) => item.id === 'L05');
    expect(l05).toBeDefined();
    if (!l05) return;
    expect(appliesToArea(l05.appliesTo, { id: 'a', type: 'lounge', supervisionTier: 2 })).toBe(true);
    expect(appliesToArea(l05.appliesTo, { id: 'a', type: 'clinic', supervisionTier: 3 })).toBe(true);
    expect(appliesToArea(l05.appliesTo, { id: 'a', type: 'bedroom', supervisionTier: 1 })).toBe(false);
  });

  it('gives every compliance item assessor guidance and at least one named reference', () => {
    for (const domain of DOMAINS) {
      for (const item of loadTemplate(domain).items) {
        expect(item.guidance.whatGoodLooksLike.length, item.id).toBeGreaterThanOrEqual(20);
        expect(item.guidance.whatToCheck.length, item.id).toBeGreaterThanOrEqual(20);
        expect(item.references.length, item.id).toBeGreaterThan(0);
      }
    }
  });

  it('makes every weight 3 compliance item critical, as the brief proposes', () => {
    for (const domain of ['quality', 'safety', 'therapeutic'] as const) {
      const template = loadTemplate(domain);
      for (const item of template.items) {
        if ('weight' in item) expect(item.critical, item.id).toBe(item.weight === 3);
      }
    }
  });
});
