import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../../src/shared/scoring';
import {
  answeredOrSaving,
  choicesFor,
  fallsShort,
  needsNaReason,
  parseNumberEntry,
  pointsByInstance,
  unsavedInstances,
} from '../../../../src/renderer/src/features/assessments/walk/model';
import { BEDROOM, LOUNGE, answersFor, ligaturePoint, smallTemplates, smallWalk } from './walk-factory';

// How a question is answered on the walkthrough: the choices and their keys, what falls short
// (and so can carry an action), typed numbers, and which questions still need attention.

const templates = smallTemplates();
const item = (domain: keyof typeof templates, id: string) => templates[domain].items.find((i) => i.id === id)!;
const withResponse = (response: Record<string, unknown>) => ({ ...item('quality', 'Q10'), response }) as ReturnType<typeof item>;

describe('the choices a question offers, and their keys', () => {
  it('yes / partial / no by position or initial, with "does not apply" last when allowed', () => {
    expect(choicesFor(withResponse({ type: 'yes_partial_no', allowNa: true })).map((c) => [c.value, c.keys])).toEqual([
      ['yes', ['1', 'y']],
      ['partial', ['2', 'p']],
      ['no', ['3', 'n']],
      ['na', ['4', 'x']],
    ]);
    expect(choicesFor(withResponse({ type: 'yes_no', allowNa: false })).map((c) => [c.value, c.keys])).toEqual([
      ['yes', ['1', 'y']],
      ['no', ['2', 'n']],
    ]);
  });

  it('grades A to D by position only', () => {
    expect(choicesFor(withResponse({ type: 'grade', allowNa: false })).map((c) => [c.label, c.keys])).toEqual([
      ['Grade A', ['1']],
      ['Grade B', ['2']],
      ['Grade C', ['3']],
      ['Grade D', ['4']],
    ]);
  });

  it('a number is typed, so the only choice is "does not apply" when allowed', () => {
    expect(choicesFor(item('quality', 'Q06'))).toEqual([]);
    const numberWithNa = { ...(item('quality', 'Q06') as { response: Record<string, unknown> }).response, allowNa: true };
    expect(choicesFor(withResponse(numberWithNa)).map((c) => [c.value, c.keys])).toEqual([['na', ['1', 'x']]]);
  });

  it('a ligature prompt: no risk, risk present (R), does not apply (X)', () => {
    expect(choicesFor(item('ligature', 'L01')).map((c) => [c.value, c.label, c.keys])).toEqual([
      ['no_risk', 'No risk', ['1']],
      ['risk_present', 'Risk present', ['2', 'r']],
      ['na', 'Does not apply', ['3', 'x']],
    ]);
  });
});

describe('an answer that falls short', () => {
  it('is no, partial, grade C or D, or risk present; nothing else, and no answer is not short', () => {
    const q10 = item('quality', 'Q10');
    const short: AnswerValue[] = ['no', 'partial', 'C', 'D', 'risk_present'];
    const met: AnswerValue[] = ['yes', 'A', 'B', 'na', 'no_risk'];
    expect(short.map((v) => fallsShort(v, q10))).toEqual([true, true, true, true, true]);
    expect(met.map((v) => fallsShort(v, q10))).toEqual([false, false, false, false, false]);
    expect(fallsShort(undefined, q10)).toBe(false);
  });

  it('for a number, is below the "yes" band when higher is better, above it when lower is better', () => {
    const q06 = item('quality', 'Q06');
    expect([100, 99.5, 0].map((v) => fallsShort(v, q06))).toEqual([false, true, true]);
    const lower = withResponse({ type: 'number', unit: 'beds', min: 0, max: 20, integer: true, banding: { direction: 'lower_is_better', yes: 2, partial: 4 }, allowNa: false });
    expect([0, 2, 3].map((v) => fallsShort(v, lower))).toEqual([false, false, true]);
  });

  it('a number on a question that is not a number question never falls short', () => {
    expect(fallsShort(3, item('quality', 'Q10'))).toBe(false);
    expect(fallsShort(3, item('ligature', 'L01'))).toBe(false);
  });
});

describe('"does not apply" needs a reason', () => {
  it('on weight 3 items and on every ligature prompt (which has no weight)', () => {
    expect(needsNaReason({ ...item('quality', 'Q10'), weight: 3 } as ReturnType<typeof item>)).toBe(true);
    expect(needsNaReason(item('quality', 'Q10'))).toBe(false);
    expect(needsNaReason(item('ligature', 'L01'))).toBe(true);
  });
});

describe('a number typed in a question’s box', () => {
  const range = { min: 0, max: 100, integer: true, unit: '%' };

  it('is empty when nothing but spaces was typed', () => {
    expect(parseNumberEntry('  ', range)).toEqual({ kind: 'empty' });
  });

  it('accepts a value in range, with spaces around it or a decimal comma', () => {
    expect(parseNumberEntry(' 85 ', range)).toEqual({ kind: 'valid', value: 85 });
    expect(parseNumberEntry('2,5', { ...range, integer: false })).toEqual({ kind: 'valid', value: 2.5 });
    expect(parseNumberEntry('0', range)).toEqual({ kind: 'valid', value: 0 });
    expect(parseNumberEntry('100', range)).toEqual({ kind: 'valid', value: 100 });
  });

  it('refuses text, values out of range and fractions of a whole number, saying what it needs', () => {
    const wanted = { kind: 'invalid', message: 'Enter a whole number from 0 to 100 (%)' };
    for (const typed of ['eighty', '101', '-1', '2.5', 'Infinity']) expect(parseNumberEntry(typed, range), typed).toEqual(wanted);
    expect(parseNumberEntry('7.5', { min: 0, max: 5, integer: false, unit: 'm' })).toEqual({ kind: 'invalid', message: 'Enter a number from 0 to 5 (m)' });
  });
});

describe('questions still needing attention', () => {
  const walk = smallWalk();
  const saving = { status: 'saving' };
  const failed = { status: 'failed' };

  it('answered or on its way counts as answered for "next unanswered"; a failed save does not', () => {
    const states = new Map([
      [`S05@${LOUNGE}`, saving],
      [`Q10@${LOUNGE}`, failed],
      [`Q10@${BEDROOM}`, failed],
    ]);
    expect([...answeredOrSaving(answersFor(`Q10@${BEDROOM}`, 'T01@ward'), states)].sort()).toEqual([`Q10@${BEDROOM}`, `S05@${LOUNGE}`, 'T01@ward'].sort());
  });

  it('lists every question whose latest save failed, wherever it is', () => {
    const states = new Map([
      ['Q01@ward', failed],
      [`S05@${LOUNGE}`, { status: 'saved' }],
      [`Q06@${BEDROOM}`, failed],
      ['Q99@ward', failed],
    ]);
    expect(unsavedInstances(walk, states).map((i) => i.key)).toEqual(['Q01@ward', `Q06@${BEDROOM}`]);
  });

  it('puts a ligature point on its prompt in its area, and a ward-level prompt’s points on the ward’s question', () => {
    const points = [ligaturePoint('p1', 'L01', BEDROOM), ligaturePoint('p2', 'L14', BEDROOM), ligaturePoint('p3', 'L14', LOUNGE), ligaturePoint('p4', null, LOUNGE)];
    const byInstance = pointsByInstance(walk, points);
    expect(Object.fromEntries([...byInstance].map(([key, list]) => [key, list.map((p) => p.id)]))).toEqual({
      [`L01@${BEDROOM}`]: ['p1'],
      'L14@ward': ['p2', 'p3'],
    });
  });
});
