import { describe, expect, it } from 'vitest';
import {
  canCarryAction,
  choicesFor,
  initialState,
  numberNotes,
  provenance,
  saveLine,
  shownValue,
  update,
  type QuestionContext,
  type QuestionState,
} from '../../../../src/renderer/src/features/assessments/walk/question-controller';
import type { StoredAnswer } from '../../../../src/renderer/src/features/assessments/walk/model';
import type { TemplateItem } from '../../../../src/shared/templates';
import { loadTemplate } from '../../templates/real-templates';

// The per-question controller: what one question shows, and what each thing the assessor does asks
// for. Driven here without a browser, on the shipped checklists' items.

const items = new Map((['quality', 'safety', 'ligature', 'therapeutic'] as const).flatMap((d) => (loadTemplate(d).items as TemplateItem[]).map((i) => [i.id, i] as const)));
const item = (id: string) => items.get(id)!;
/** A weight 3 yes/partial/no item that allows "not applicable", a weight 1 one, a grade, a number, a prompt. */
const critical = [...items.values()].find((i) => 'response' in i && i.response.type === 'yes_partial_no' && i.weight === 3 && i.response.allowNa)!;
const light = [...items.values()].find((i) => 'response' in i && i.response.type === 'yes_partial_no' && i.weight === 1 && i.response.allowNa)!;

const answer = (value: StoredAnswer['value'], extra: Partial<StoredAnswer> = {}): StoredAnswer => ({
  id: 'a',
  itemId: 'x',
  areaId: null,
  value,
  naReason: null,
  note: null,
  assessorId: 'p1',
  answeredAt: '2026-11-20T10:00:00Z',
  fillId: null,
  copiedFromAreaId: null,
  ...extra,
});

const ctx = (i: TemplateItem, extra: Partial<QuestionContext> = {}): QuestionContext => ({ item: i, answer: undefined, save: undefined, readOnly: false, ...extra });
const fresh = (): QuestionState => initialState(undefined, null);

describe('a question’s choices and keys', () => {
  it('offers yes, partial, no and not applicable with their number and letter keys', () => {
    expect(choicesFor(critical).map((c) => [c.value, c.label, c.keys])).toEqual([
      ['yes', 'Yes', ['1', 'y']],
      ['partial', 'Partial', ['2', 'p']],
      ['no', 'No', ['3', 'n']],
      ['na', 'Not applicable', ['4', 'x']],
    ]);
    expect(choicesFor(item('L01')).map((c) => [c.value, c.keys])).toEqual([
      ['no_risk', ['1']],
      ['risk_present', ['2', 'r']],
      ['na', ['3', 'x']],
    ]);
    expect(choicesFor(item('Q01')).map((c) => c.label)).toEqual(['Grade A', 'Grade B', 'Grade C', 'Grade D']);
    expect(choicesFor(item('Q06'))).toEqual([]);
  });

  it('answers by key and moves on; "risk present" stays for its ligature point; an unknown key is let through', () => {
    const yes = update(fresh(), { type: 'key', key: 'Y' }, ctx(light));
    expect(yes.effects).toEqual([{ type: 'save', draft: { value: 'yes', note: null, naReason: null } }, { type: 'advance' }]);
    const risk = update(fresh(), { type: 'key', key: 'r' }, ctx(item('L01')));
    expect(risk.effects).toEqual([{ type: 'save', draft: { value: 'risk_present', note: null, naReason: null } }]);
    const other = update(fresh(), { type: 'key', key: 'q' }, ctx(light));
    expect(other).toMatchObject({ handled: false, effects: [] });
  });

  it('never saves on a signed-off assessment', () => {
    expect(update(fresh(), { type: 'key', key: '1' }, ctx(light, { readOnly: true }))).toMatchObject({ handled: false, effects: [] });
    expect(update(fresh(), { type: 'choose', value: 'no' }, ctx(light, { readOnly: true })).effects).toEqual([]);
  });
});

describe('"not applicable"', () => {
  it('waits for the reason a weight 3 item needs, then saves it with the reason', () => {
    const waiting = update(fresh(), { type: 'key', key: 'x' }, ctx(critical));
    expect(waiting.state.naWaiting).toBe(true);
    expect(waiting.effects).toEqual([{ type: 'focus-reason' }]);
    expect(shownValue(waiting.state, ctx(critical))).toBe('na');
    expect(saveLine(waiting.state, ctx(critical), undefined).kind).toBe('waiting-reason');
    // Enter with an empty box: still waiting, nothing saved.
    expect(update(waiting.state, { type: 'reason-commit', via: 'enter' }, ctx(critical)).effects).toEqual([]);
    const typed = update(waiting.state, { type: 'reason-typed', text: 'No window in this room' }, ctx(critical)).state;
    const saved = update(typed, { type: 'reason-commit', via: 'enter' }, ctx(critical));
    expect(saved.state.naWaiting).toBe(false);
    expect(saved.effects).toEqual([{ type: 'save', draft: { value: 'na', note: null, naReason: 'No window in this room' } }, { type: 'advance' }]);
  });

  it('saves at once on an item that needs no reason', () => {
    expect(update(fresh(), { type: 'choose', value: 'na' }, ctx(light)).effects).toEqual([{ type: 'save', draft: { value: 'na', note: null, naReason: null } }]);
  });
});

describe('numbers', () => {
  const q06 = item('Q06');

  it('refuses a figure out of range and says why; saves a good one and moves on with Enter', () => {
    const typed = update(fresh(), { type: 'number-typed', text: '120' }, ctx(q06)).state;
    const refused = update(typed, { type: 'number-commit', via: 'enter' }, ctx(q06));
    expect(refused.state.numberError).toBe('Enter a number from 0 to 100 (%)');
    expect(refused.effects).toEqual([]);
    const good = update(update(fresh(), { type: 'number-typed', text: '87,5' }, ctx(q06)).state, { type: 'number-commit', via: 'enter' }, ctx(q06));
    expect(good.effects).toEqual([{ type: 'save', draft: { value: 87.5, note: null, naReason: null } }, { type: 'advance' }]);
    // Leaving the box with the figure already saved sends nothing again.
    const same = update({ ...fresh(), numberText: '87.5' }, { type: 'number-commit', via: 'blur' }, ctx(q06, { answer: answer(87.5) }));
    expect(same.effects).toEqual([]);
  });

  it('shows what the typed figure counts as, offers the register’s figure, and flags a contradiction', () => {
    const figure = { value: 100, source: 'the register lists 24 bedrooms for 24 beds (each bedroom taken as a single room)' };
    const offered = initialState(undefined, figure);
    expect(offered.numberText).toBe('100');
    const notes = numberNotes(q06, { ...offered, numberText: '30' }, figure, answer(30));
    expect(notes.banding).toBe('30 % counts as No — critical item: this makes the domain red (Yes from 100 %, Partial from 80 %).');
    expect(notes.register).toBe(`From the register: ${figure.source}, so 100 %.`);
    expect(notes.contradiction).toContain('The answer is 30 %, but the register lists 24 bedrooms');
    expect(numberNotes(q06, offered, figure, answer(100)).contradiction).toBeNull();
    // An answer already given is what the box shows, not the register's figure.
    expect(initialState(answer(80), figure).numberText).toBe('80');
  });
});

describe('notes', () => {
  it('waits for a pause, then saves the note with the answer shown; nothing when unchanged or unanswered', () => {
    const typing = update(fresh(), { type: 'note-typed', text: 'Door-top alarm missing' }, ctx(light, { answer: answer('yes') }));
    expect(typing.effects).toEqual([{ type: 'schedule-note' }]);
    const flushed = update(typing.state, { type: 'note-flush' }, ctx(light, { answer: answer('yes') }));
    expect(flushed.effects).toEqual([{ type: 'save', draft: { value: 'yes', note: 'Door-top alarm missing', naReason: null } }]);
    expect(update(typing.state, { type: 'note-flush' }, ctx(light, { answer: answer('yes', { note: 'Door-top alarm missing' }) })).effects).toEqual([]);
    expect(update(typing.state, { type: 'note-flush' }, ctx(light)).effects).toEqual([]);
  });
});

describe('the save line', () => {
  it('says "Saved" only once the store confirmed the latest save; a refusal keeps the draft shown with the reason', () => {
    const pending = { status: 'pending' as const, draft: { value: 'no' as const, note: null, naReason: null } };
    expect(saveLine(fresh(), ctx(light, { answer: answer('yes'), save: pending }), 'Morag').kind).toBe('saving');
    expect(shownValue(fresh(), ctx(light, { answer: answer('yes'), save: pending }))).toBe('no');
    const failed = { status: 'error' as const, draft: pending.draft, message: 'The app’s local server did not answer.' };
    expect(saveLine(fresh(), ctx(light, { answer: answer('yes'), save: failed }), 'Morag')).toEqual({ kind: 'failed', text: 'The app’s local server did not answer.' });
    expect(shownValue(fresh(), ctx(light, { answer: answer('yes'), save: failed }))).toBe('no');
    expect(saveLine(fresh(), ctx(light, { answer: answer('partial') }), 'Morag')).toEqual({ kind: 'saved', text: 'Saved: Partial (by Morag)' });
    expect(saveLine(fresh(), ctx(item('Q06'), { answer: answer(80) }), undefined, '%')).toEqual({ kind: 'saved', text: 'Saved: 80 %' });
    expect(saveLine(fresh(), ctx(light), undefined).kind).toBe('unanswered');
  });

  it('says where a filled answer came from until it is answered again', () => {
    const names = (id: string) => ({ b1: 'Bedroom 1' })[id] ?? id;
    expect(provenance(answer('yes', { fillId: 'f', copiedFromAreaId: 'b1' }), names)).toBe('Copied from Bedroom 1: answer it again to confirm or change it.');
    expect(provenance(answer('yes', { fillId: 'f' }), names)).toContain('no findings');
    expect(provenance(answer('yes'), names)).toBeNull();
  });

  it('offers an action on an answer short of compliance only', () => {
    expect(canCarryAction(light, answer('partial'))).toBe(true);
    expect(canCarryAction(light, answer('yes'))).toBe(false);
    expect(canCarryAction(item('Q06'), answer(79))).toBe(true);
    expect(canCarryAction(item('L01'), answer('risk_present'))).toBe(false);
    expect(canCarryAction(light, undefined)).toBe(false);
  });
});
