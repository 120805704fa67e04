import { describe, expect, it } from 'vitest';
import { scoreComplianceDomain } from '../../../src/shared/scoring';
import { answer, area, complianceTemplate, grade, item, percentBanded, perArea, yesNo, ypn } from './factories';

const noAreas = [] as const;

describe('compliance domain score', () => {
  it('weights yes 2, partial 1 and no 0 points by item weight', () => {
    // S01 w3 yes = 6, S02 w2 partial = 2, S03 w1 no = 0 → 8 of 2×(3+2+1) = 12 → 66.666…% → 66.7
    const template = complianceTemplate([item('S01', { weight: 3 }), item('S02', { weight: 2 }), item('S03', { weight: 1 })]);
    const result = scoreComplianceDomain(template, noAreas, [answer('S01', 'yes'), answer('S02', 'partial'), answer('S03', 'no')]);
    expect(result.counts).toEqual({ applicable: 3, answered: 3, na: 0, scored: 3, points: 8, maxPoints: 12 });
    expect(result.percentage).toBe(66.7);
    expect(result.rating).toBe('amber');
  });

  it('scores grades A 2, B 4/3, C 2/3 and D 0 points exactly', () => {
    // w3 × (2 + 4/3 + 2/3 + 0) = 3 × 4 = 12 of 4 × 6 = 24 → 50.0 %
    const template = complianceTemplate(['S01', 'S02', 'S03', 'S04'].map((id) => item(id, { weight: 3, response: grade() })));
    const result = scoreComplianceDomain(template, noAreas, [
      answer('S01', 'A'),
      answer('S02', 'B'),
      answer('S03', 'C'),
      answer('S04', 'D'),
    ]);
    expect(result.counts.points).toBe(12);
    expect(result.counts.maxPoints).toBe(24);
    expect(result.percentage).toBe(50);
  });

  it('keeps a lone grade B exact until the final rounding', () => {
    // w2 × 4/3 = 8/3 of 4 → 66.666…% → 66.7 (not 66.5 as 1.33 × 2 ÷ 4 would give)
    const template = complianceTemplate([item('S01', { weight: 2, response: grade() })]);
    const result = scoreComplianceDomain(template, noAreas, [answer('S01', 'B')]);
    expect(result.counts.points).toBeCloseTo(8 / 3, 12);
    expect(result.percentage).toBe(66.7);
  });

  it('bands a higher-is-better number: at or above yes is yes, at or above partial is partial, else no', () => {
    const template = complianceTemplate([item('S01', { weight: 1, response: percentBanded(100, 80) })]);
    const percentFor = (value: number) => scoreComplianceDomain(template, noAreas, [answer('S01', value)]).percentage;
    expect(percentFor(100)).toBe(100); // yes: 2 of 2
    expect(percentFor(99.9)).toBe(50); // partial: 1 of 2
    expect(percentFor(80)).toBe(50); // partial
    expect(percentFor(79.9)).toBe(0); // no
  });

  it('bands a lower-is-better number the other way round', () => {
    const template = complianceTemplate([item('S01', { weight: 1, response: percentBanded(0, 10, 'lower_is_better') })]);
    const percentFor = (value: number) => scoreComplianceDomain(template, noAreas, [answer('S01', value)]).percentage;
    expect(percentFor(0)).toBe(100);
    expect(percentFor(10)).toBe(50);
    expect(percentFor(10.5)).toBe(0);
  });

  it('takes not-applicable answers out of both numerator and denominator', () => {
    // S01 w3 yes = 6 of 6; S02 NA leaves out its w2 × 2 = 4 → 100.0 %
    const template = complianceTemplate([item('S01', { weight: 3 }), item('S02', { response: ypn(true) })]);
    const result = scoreComplianceDomain(template, noAreas, [answer('S01', 'yes'), answer('S02', 'na')]);
    expect(result.counts).toEqual({ applicable: 2, answered: 2, na: 1, scored: 1, points: 6, maxPoints: 6 });
    expect(result.percentage).toBe(100);
  });

  it('reports completeness beside the score and never folds unanswered items into it', () => {
    // 3 applicable, 2 answered (one NA) → completeness 66.7 %; score over S01 only: 100 %
    const template = complianceTemplate([item('S01'), item('S02', { response: ypn(true) }), item('S03')]);
    const result = scoreComplianceDomain(template, noAreas, [answer('S01', 'yes'), answer('S02', 'na')]);
    expect(result.completeness).toBe(66.7);
    expect(result.complete).toBe(false);
    expect(result.percentage).toBe(100);
    expect(result.rating).toBe('green');
  });

  it('is complete when completeness reaches the template threshold exactly', () => {
    // 9 of 10 answered = 90 % = threshold
    const ids = Array.from({ length: 10 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
    const template = complianceTemplate(ids.map((id) => item(id)));
    const result = scoreComplianceDomain(template, noAreas, ids.slice(0, 9).map((id) => answer(id, 'yes')));
    expect(result.completeness).toBe(90);
    expect(result.complete).toBe(true);
  });

  it('asks a per-area item once in each area of a listed type and at or above its minimum tier', () => {
    const template = complianceTemplate([
      item('S01', { appliesTo: perArea(['bedroom', 'en_suite']) }),
      item('S02', { appliesTo: perArea('all', 2) }),
    ]);
    const areas = [area('b1', 'bedroom'), area('b2', 'bedroom'), area('e1', 'en_suite'), area('k1', 'kitchen', 1), area('l1', 'lounge', 2)];
    // S01: b1, b2, e1 = 3; S02: every area at tier ≥ 2 = b1, b2, e1, l1 = 4 → 7 applicable
    const result = scoreComplianceDomain(template, areas, []);
    expect(result.counts.applicable).toBe(7);
    expect(result.areas.map((a) => [a.areaId, a.counts.applicable])).toEqual([
      ['b1', 2],
      ['b2', 2],
      ['e1', 2],
      ['l1', 1],
    ]);
  });

  it('breaks the score down by section and by area with the same arithmetic', () => {
    const template = complianceTemplate(
      [item('S01', { weight: 3, sectionId: 'main' }), item('S02', { weight: 1, sectionId: 'rooms', appliesTo: perArea(['bedroom']) })],
      { sections: [{ id: 'main', title: 'Main section' }, { id: 'rooms', title: 'Rooms' }] },
    );
    const areas = [area('b1', 'bedroom'), area('b2', 'bedroom')];
    // ward: S01 partial = 3 of 6 → 50 %; b1 yes = 2 of 2 → 100 %; b2 no = 0 of 2 → 0 %
    // rooms section: 2 of 4 → 50 %; whole domain: 3 + 2 + 0 = 5 of 10 → 50 %
    const result = scoreComplianceDomain(template, areas, [
      answer('S01', 'partial'),
      answer('S02', 'yes', 'b1'),
      answer('S02', 'no', 'b2'),
    ]);
    expect(result.sections.map((s) => [s.sectionId, s.counts.points, s.counts.maxPoints, s.percentage])).toEqual([
      ['main', 3, 6, 50],
      ['rooms', 2, 4, 50],
    ]);
    expect(result.areas.map((a) => [a.areaId, a.percentage])).toEqual([
      [null, 50],
      ['b1', 100],
      ['b2', 0],
    ]);
    expect(result.percentage).toBe(50);
  });

  it('rounds the final percentage to one decimal place, halves away from zero', () => {
    // one partial and seven no on eight weight-1 items: 1 of 16 points = 6.25 % → 6.3 (half up)
    const eight = complianceTemplate(['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08'].map((id) => item(id, { weight: 1 })));
    const answers = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08'].map((id, i) => answer(id, i === 0 ? 'partial' : 'no'));
    expect(scoreComplianceDomain(eight, noAreas, answers).percentage).toBe(6.3); // 1 of 16 = 6.25 → 6.3
  });
});

describe('compliance domain rating', () => {
  const tenItems = Array.from({ length: 10 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);

  it('is green at or above 85 %, amber at or above 65 %, red below', () => {
    const template = complianceTemplate(tenItems.map((id) => item(id, { weight: 1 })));
    // each item 2 points of 20 in total; k yes + rest partial → (2k + (10 − k)) ÷ 20
    const ratingWith = (yes: number) =>
      scoreComplianceDomain(template, noAreas, tenItems.map((id, i) => answer(id, i < yes ? 'yes' : 'partial')));
    expect(ratingWith(7)).toMatchObject({ percentage: 85, rating: 'green' }); // 17 of 20
    expect(ratingWith(6)).toMatchObject({ percentage: 80, rating: 'amber' }); // 16 of 20
    const low = scoreComplianceDomain(template, noAreas, tenItems.map((id, i) => answer(id, i < 3 ? 'yes' : 'no')));
    expect(low).toMatchObject({ percentage: 30, rating: 'red' }); // 6 of 20
  });

  it('compares with the threshold before rounding, so 84.95 % shows as 85.0 but stays amber', () => {
    // 700 bedrooms, one grade item (w1): 594 A + 1 B + 105 D = 594×6 + 4 = 3568 thirds of 700×6 = 4200
    // 3568 ÷ 4200 = 84.952…% → shown 85.0 %, but below 85 exactly → amber
    const template = complianceTemplate([item('S01', { weight: 1, response: grade(), appliesTo: perArea(['bedroom']) })]);
    const areas = Array.from({ length: 700 }, (_, i) => area(`b${i}`, 'bedroom'));
    const answers = areas.map((a, i) => answer('S01', i < 594 ? 'A' : i === 594 ? 'B' : 'D', a.id));
    const result = scoreComplianceDomain(template, areas, answers);
    expect(result.percentage).toBe(85);
    expect(result.rating).toBe('amber');
  });

  it('uses the thresholds the template sets', () => {
    const template = complianceTemplate(tenItems.map((id) => item(id, { weight: 1 })), { ragThresholds: { green: 90, amber: 80 } });
    const result = scoreComplianceDomain(template, noAreas, tenItems.map((id, i) => answer(id, i < 7 ? 'yes' : 'partial')));
    expect(result).toMatchObject({ percentage: 85, rating: 'amber' });
  });

  it('is red when a critical item is answered no, whatever the percentage', () => {
    // 9 × yes (w2) + critical S10 (w3) no: 36 of 42 = 85.7 % would be green
    const template = complianceTemplate([
      ...tenItems.slice(0, 9).map((id) => item(id)),
      item('S10', { weight: 3, critical: true }),
    ]);
    const result = scoreComplianceDomain(template, noAreas, [
      ...tenItems.slice(0, 9).map((id) => answer(id, 'yes')),
      answer('S10', 'no'),
    ]);
    expect(result.percentage).toBe(85.7);
    expect(result.rating).toBe('red');
    expect(result.ratingBasis).toBe('gate');
    expect(result.gates).toEqual([
      { itemId: 'S10', areaId: null, reason: 'critical_no', message: 'Critical item S10 answered no for the ward' },
    ]);
  });

  it('treats a critical grade D and a critical number banded to no as gates too', () => {
    const template = complianceTemplate([
      item('S01', { weight: 3, critical: true, response: grade() }),
      item('S02', { weight: 3, critical: true, response: percentBanded(100, 80), appliesTo: perArea(['bedroom']) }),
    ]);
    const result = scoreComplianceDomain(template, [area('b1', 'bedroom')], [answer('S01', 'D'), answer('S02', 79, 'b1')]);
    expect(result.gates.map((g) => [g.itemId, g.areaId, g.reason])).toEqual([
      ['S01', null, 'critical_grade_d'],
      ['S02', 'b1', 'critical_number_no'],
    ]);
    expect(result.rating).toBe('red');
  });

  it('does not gate on a partial answer to a critical item or a no to a non-critical one', () => {
    const template = complianceTemplate([item('S01', { weight: 3, critical: true }), item('S02', { weight: 3 })]);
    const result = scoreComplianceDomain(template, noAreas, [answer('S01', 'partial'), answer('S02', 'no')]);
    expect(result.gates).toEqual([]);
    expect(result.rating).toBe('red'); // 3 of 12 = 25 %: red on the percentage, not a gate
    expect(result.ratingBasis).toBe('percentage');
  });

  it('is not rated, never green, when nothing scorable has been answered', () => {
    const template = complianceTemplate([item('S01', { response: ypn(true) }), item('S02')]);
    const unanswered = scoreComplianceDomain(template, noAreas, []);
    expect(unanswered).toMatchObject({ rating: 'not_rated', ratingBasis: 'nothing_scored', percentage: null, completeness: 0 });
    const allNa = scoreComplianceDomain(template, noAreas, [answer('S01', 'na')]);
    expect(allNa).toMatchObject({ rating: 'not_rated', percentage: null, completeness: 50 });
  });
});

describe('compliance answers that do not fit', () => {
  it('reports a weight 3 item marked not applicable without a reason, and still counts it as NA', () => {
    const template = complianceTemplate([item('S01', { weight: 3, response: ypn(true) }), item('S02', { response: ypn(true) })]);
    const result = scoreComplianceDomain(template, noAreas, [answer('S01', 'na', null, '  '), answer('S02', 'na')]);
    expect(result.issues.map((i) => [i.code, i.itemId])).toEqual([['na_without_reason', 'S01']]);
    expect(result.counts.na).toBe(2);
    const withReason = scoreComplianceDomain(template, noAreas, [answer('S01', 'na', null, 'Single-sex ward')]);
    expect(withReason.issues).toEqual([]);
  });

  it('leaves out, and reports, values the item does not accept', () => {
    const template = complianceTemplate([
      item('S01', { response: yesNo() }),
      item('S02'),
      item('S03', { response: { ...percentBanded(100, 80), integer: true } }),
      item('S04', { response: percentBanded(100, 80) }),
      item('S05', { response: grade() }),
    ]);
    const result = scoreComplianceDomain(template, noAreas, [
      answer('S01', 'partial'),
      answer('S02', 'na'),
      answer('S03', 95.5),
      answer('S04', 101),
      answer('S05', 'yes'),
    ]);
    expect(result.issues.map((i) => [i.code, i.itemId])).toEqual([
      ['invalid_value', 'S01'],
      ['invalid_value', 'S02'],
      ['invalid_value', 'S03'],
      ['invalid_value', 'S04'],
      ['invalid_value', 'S05'],
    ]);
    expect(result.counts.answered).toBe(0);
    expect(result.rating).toBe('not_rated');
  });

  it('refuses answers in the wrong place and keeps the first of two answers to one item', () => {
    const template = complianceTemplate([item('S01'), item('S02', { appliesTo: perArea(['bedroom']) })]);
    const areas = [area('b1', 'bedroom'), area('l1', 'lounge')];
    const result = scoreComplianceDomain(template, areas, [
      answer('S01', 'yes', 'b1'), // ward-level item answered for an area
      answer('S02', 'yes'), // per-area item answered for the ward
      answer('S02', 'yes', 'zz'), // unknown area
      answer('S02', 'yes', 'l1'), // not asked in lounges
      answer('S02', 'no', 'b1'),
      answer('S02', 'yes', 'b1'), // duplicate: the first (no) stands
      answer('Q01', 'yes'), // another domain's item: not this scorer's business
    ]);
    // Listed by item, then area (the ward first), whatever order the answers came in.
    expect(result.issues.map((i) => [i.code, i.itemId, i.areaId])).toEqual([
      ['wrong_scope', 'S01', 'b1'],
      ['wrong_scope', 'S02', null],
      ['duplicate_answer', 'S02', 'b1'],
      ['not_applicable_here', 'S02', 'l1'],
      ['unknown_area', 'S02', 'zz'],
    ]);
    expect(result.counts).toMatchObject({ applicable: 2, answered: 1, points: 0, maxPoints: 4 });
  });
});
