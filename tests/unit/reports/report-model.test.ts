import { describe, expect, it } from 'vitest';
import { ligatureBandTierChart, longDate, reportFileName, thumbnail } from '../../../src/shared/reports';
import { fallsShort as shortfall } from '../../../src/shared/scoring';
import type { ComplianceItem } from '../../../src/shared/templates/item-schema';

const numberItem = {
  id: 'Q06',
  response: { type: 'number', unit: '%', min: 0, max: 100, integer: true, allowNa: false, banding: { direction: 'higher_is_better', yes: 80, partial: 50 } },
} as unknown as ComplianceItem;
const gradeItem = { id: 'Q01', response: { type: 'grade', allowNa: false } } as unknown as ComplianceItem;

describe('report model helpers', () => {
  it('makes ASCII file names from any ward name', () => {
    expect(reportFileName('ward-report', 'Łódź Ward 2026/27', '2026-11-23')).toBe('ward-report-lodz-ward-2026-27-2026-11-23.pdf');
    expect(reportFileName('site-report', 'Ward Ùr', '2026-11-23')).toBe('site-report-ward-ur-2026-11-23.pdf');
    expect(reportFileName('board-report', '***', '2026-11-23')).toBe('board-report-unnamed-2026-11-23.pdf');
  });

  it('writes a date as a person reads it, and a timestamp by its day in Europe/London', () => {
    expect(longDate('2026-11-23')).toBe('23 November 2026');
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(longDate('2026-06-30T23:30:00.000Z')).toBe('1 July 2026');
    expect(longDate('2026-12-31T23:30:00.000Z')).toBe('31 December 2026');
  });

  it('lists as shortfalls no, partial, grades C and D, and numbers banded below yes', () => {
    expect(shortfall(gradeItem, 'B')).toBe(false);
    expect(shortfall(gradeItem, 'C')).toBe(true);
    expect(shortfall(gradeItem, 'D')).toBe(true);
    expect(shortfall(numberItem, 80)).toBe(false);
    expect(shortfall(numberItem, 79)).toBe(true);
    expect(shortfall(numberItem, 10)).toBe(true);
    expect(shortfall(gradeItem, 'na')).toBe(false);
  });

  it('embeds only photos whose bytes are the JPEG or PNG they claim to be', () => {
    const png = { answerId: 'a', ligaturePointId: null, caption: null };
    expect(thumbnail({ ...png, mimeType: 'image/png', base64: 'iVBORw0KGgoAAAA' })?.dataUrl).toBe('data:image/png;base64,iVBORw0KGgoAAAA');
    expect(thumbnail({ ...png, mimeType: 'image/jpeg', base64: '/9j/4AAQ' })).not.toBeNull();
    expect(thumbnail({ ...png, mimeType: 'image/jpeg', base64: 'iVBORw0KGgoAAAA' })).toBeNull();
    expect(thumbnail({ ...png, mimeType: 'image/heic', base64: 'AAAA' })).toBeNull();
  });

  it('draws the ligature chart with a count on each segment and a worded legend', () => {
    const row = (tier1: number, tier2: number, tier3: number) => ({ tier1, tier2, tier3 });
    const { svg } = ligatureBandTierChart({ low: row(0, 0, 0), moderate: row(2, 0, 0), high: row(0, 3, 1), extreme: row(0, 0, 0) });
    expect(svg).toContain('>Tier 1<');
    expect(svg).toContain('>Tier 3<');
    expect(svg).toContain('>none<');
    expect(svg.match(/<rect [^>]*fill="#41b6e6"/g)?.length).toBe(2); // tier 2: legend + the high bar
    expect(svg).toMatch(/>3<\/text>/);
    expect(svg).toMatch(/>4<\/text>/); // the high band's total
  });
});
