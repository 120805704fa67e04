import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../../src/shared/scoring';
import { needsNaReason } from '../../../../src/shared/scoring';
import { answeredOrSaving, pointsOfQuestion, unsavedInstances, type StoredAnswer } from '../../../../src/renderer/src/features/assessments/walk/model';
import { canCarryAction, choicesFor, parseNumber } from '../../../../src/renderer/src/features/assessments/walk/question-controller';
import { BEDROOM, LOUNGE, answersFor, ligaturePoint, smallTemplates, smallWalk, storedAnswer } from './walk-factory';

// How a question is answered on the walkthrough: the choices and their keys, what falls short
// (and so can carry an action), typed numbers, and which questions still need attention.

const templates = smallTemplates();
const item = (domain: keyof typeof templates, id: string) => templates[domain].items.find((i) => i.id === id)!;
const withResponse = (response: Record<string, unknown>) => ({ ...item('quality', 'Q10'), response }) as ReturnType<typeof item>;
const answered = (value: StoredAnswer['value']) => storedAnswer('Q10@ward', value);

describe('the choices a question offers, and their keys', () => {
  it('yes / partial / no by position or initial, with "not applicable" last when allowed', () => {
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

  it('a number is typed, so the only choice is "not applicable" when allowed', () => {
    expect(choicesFor(item('quality', 'Q06'))).toEqual([]);
    const numberWithNa = { ...(item('quality', 'Q06') as { response: Record<string, unknown> }).response, allowNa: true };
    expect(choicesFor(withResponse(numberWithNa)).map((c) => [c.value, c.keys])).toEqual([['na', ['1', 'x']]]);
  });

  it('a ligature prompt: no risk, risk present (R), not applicable (X)', () => {
    expect(choicesFor(item('ligature', 'L01')).map((c) => [c.value, c.label, c.keys])).toEqual([
      ['no_risk', 'No risk', ['1']],
      ['risk_present', 'Risk present', ['2', 'r']],
      ['na', 'Not applicable', ['3', 'x']],
    ]);
  });
});

describe('an answer that falls short, and so can carry an action', () => {
  it('is no, partial, grade C or D; nothing else, and no answer is not short', () => {
    const q10 = item('quality', 'Q10');
    const short: AnswerValue[] = ['no', 'partial', 'C', 'D'];
    const met: AnswerValue[] = ['yes', 'A', 'B', 'na'];
    expect(short.map((v) => canCarryAction(q10, answered(v)))).toEqual([true, true, true, true]);
    expect(met.map((v) => canCarryAction(q10, answered(v)))).toEqual([false, false, false, false]);
    expect(canCarryAction(q10, undefined)).toBe(false);
  });

  it('for a number, is below the "yes" band when higher is better, above it when lower is better', () => {
    const q06 = item('quality', 'Q06');
    expect([100, 99.5, 0].map((v) => canCarryAction(q06, answered(v)))).toEqual([false, true, true]);
    const lower = withResponse({ type: 'number', unit: 'beds', min: 0, max: 20, integer: true, banding: { direction: 'lower_is_better', yes: 2, partial: 4 }, allowNa: false });
    expect([0, 2, 3].map((v) => canCarryAction(lower, answered(v)))).toEqual([false, false, true]);
  });

  it('a number on a question that is not a number question never falls short; a ligature prompt’s actions go on its points', () => {
    expect(canCarryAction(item('quality', 'Q10'), answered(3))).toBe(false);
    expect(canCarryAction(item('ligature', 'L01'), answered('risk_present'))).toBe(false);
  });
});

describe('"not applicable" needs a reason', () => {
  it('on weight 3 items and on every ligature prompt (which has no weight)', () => {
    expect(needsNaReason({ ...item('quality', 'Q10'), weight: 3 } as ReturnType<typeof item>)).toBe(true);
    expect(needsNaReason(item('quality', 'Q10'))).toBe(false);
    expect(needsNaReason(item('ligature', 'L01'))).toBe(true);
  });
});

describe('a number typed in a question’s box', () => {
  const number = (range: { min: number; max: number; integer: boolean; unit: string }) =>
    withResponse({ type: 'number', ...range, banding: { direction: 'higher_is_better', yes: range.max, partial: range.min }, allowNa: false });
  const percent = number({ min: 0, max: 100, integer: true, unit: '%' });

  it('is nothing to save when nothing but spaces was typed', () => {
    expect(parseNumber(percent, '  ')).toBeNull();
  });

  it('accepts a value in range, with spaces around it or a decimal comma', () => {
    expect(parseNumber(percent, ' 85 ')).toEqual({ ok: true, value: 85 });
    expect(parseNumber(number({ min: 0, max: 100, integer: false, unit: '%' }), '2,5')).toEqual({ ok: true, value: 2.5 });
    expect(parseNumber(percent, '0')).toEqual({ ok: true, value: 0 });
    expect(parseNumber(percent, '100')).toEqual({ ok: true, value: 100 });
  });

  it('refuses text, values out of range and fractions of a whole number, saying what it needs', () => {
    const wanted = { ok: false, message: 'Enter a whole number from 0 to 100 (%)' };
    for (const typed of ['eighty', '101', '-1', '2.5', 'Infinity']) expect(parseNumber(percent, typed), typed).toEqual(wanted);
    expect(parseNumber(number({ min: 0, max: 5, integer: false, unit: 'm' }), '7.5')).toEqual({ ok: false, message: 'Enter a number from 0 to 5 (m)' });
  });

  it('is not read on a question that is not a number question', () => {
    expect(parseNumber(item('quality', 'Q10'), '5')).toBeNull();
  });
});

describe('questions still needing attention', () => {
  const walk = smallWalk();
  it('answered or on its way counts as answered for "next unanswered"; a refused save does not', () => {
    const stored = Object.fromEntries(answersFor(`Q10@${BEDROOM}`, 'T01@ward'));
    const onItsWay = new Set([`S05@${LOUNGE}`]);
    const keys = answeredOrSaving(stored, (key) => onItsWay.has(key));
    expect(walk.instances.filter((i) => keys.has(i.key)).map((i) => i.key)).toEqual([`Q10@${BEDROOM}`, `S05@${LOUNGE}`, 'T01@ward']);
  });

  it('lists every question whose latest save was refused, wherever it is, and only questions of this walk', () => {
    expect(unsavedInstances(walk, ['Q01@ward', `Q06@${BEDROOM}`, 'Q99@ward']).map((i) => i.key)).toEqual(['Q01@ward', `Q06@${BEDROOM}`]);
  });

  it('puts a ligature point on its prompt in its area, and a ward-level prompt’s points on the ward’s question', () => {
    const points = [ligaturePoint('p1', 'L01', BEDROOM), ligaturePoint('p2', 'L14', BEDROOM), ligaturePoint('p3', 'L14', LOUNGE), ligaturePoint('p4', null, LOUNGE)];
    const of = (key: string) => pointsOfQuestion(walk.byKey.get(key)!, points).map((p) => p.id);
    expect(of(`L01@${BEDROOM}`)).toEqual(['p1']);
    expect(of('L14@ward')).toEqual(['p2', 'p3']);
    expect(of(`Q10@${LOUNGE}`)).toEqual([]);
  });
});
