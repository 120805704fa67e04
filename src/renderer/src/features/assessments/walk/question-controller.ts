import type { AnswerValue } from '../../../../../shared/scoring';
import { fallsShort, needsNaReason } from '../../../../../shared/scoring';
import type { TemplateItem } from '../../../../../shared/templates';
import { ANSWER_LABELS, answerLabel } from '../../../../../shared/vocabulary';
import { numberBandingText, registerContradiction, type RegisterFigure } from '../../../../../shared/walk/number-answers';
import type { AnswerDraft, SaveEntry } from './answer-saves';
import type { StoredAnswer } from './model';

// One question in one place, as a pure controller: what the assessor sees (the answer shown, the
// save line, the banding of a typed number, where a filled answer came from) and what each thing
// they do asks for (a save, focus to the reason box, moving on). The question card renders its
// view and sends it events; the tests drive it without a browser.

export interface Choice {
  value: AnswerValue;
  label: string;
  /** Keys that choose it when its question has focus (the first is shown). */
  keys: string[];
}

/** The answers an item offers, in the order shown; 1–5 by position always work too. */
export function choicesFor(item: TemplateItem): Choice[] {
  const na = (allowed: boolean): Choice[] => (allowed ? [{ value: 'na', label: ANSWER_LABELS.na, keys: ['x'] }] : []);
  let base: Choice[];
  if (!('response' in item)) {
    base = [
      { value: 'no_risk', label: ANSWER_LABELS.no_risk, keys: [] },
      { value: 'risk_present', label: ANSWER_LABELS.risk_present, keys: ['r'] },
      ...na(true),
    ];
  } else {
    switch (item.response.type) {
      case 'yes_partial_no':
        base = (['yes', 'partial', 'no'] as const).map((v) => ({ value: v, label: ANSWER_LABELS[v], keys: [v[0]!] }));
        break;
      case 'yes_no':
        base = (['yes', 'no'] as const).map((v) => ({ value: v, label: ANSWER_LABELS[v], keys: [v[0]!] }));
        break;
      case 'grade':
        base = (['A', 'B', 'C', 'D'] as const).map((g) => ({ value: g, label: ANSWER_LABELS[g], keys: [] }));
        break;
      case 'number':
        base = [];
        break;
    }
    base = [...base, ...na(item.response.allowNa)];
  }
  return base.map((c, i) => ({ ...c, keys: [String(i + 1), ...c.keys] }));
}

/** What the card keeps while the assessor works on it (everything else comes from the store). */
export interface QuestionState {
  /** "Not applicable" chosen, waiting for the reason this item needs before it is saved. */
  naWaiting: boolean;
  naReason: string;
  numberText: string;
  numberError: string | null;
  note: string;
}

export function initialState(answer: StoredAnswer | undefined, figure: RegisterFigure | null): QuestionState {
  return {
    naWaiting: false,
    naReason: answer?.naReason ?? '',
    // A number the register knows is offered, to confirm with Enter (never saved unasked).
    numberText: typeof answer?.value === 'number' ? String(answer.value) : answer ? '' : figure ? String(figure.value) : '',
    numberError: null,
    note: answer?.note ?? '',
  };
}

export interface QuestionContext {
  item: TemplateItem;
  answer: StoredAnswer | undefined;
  save: SaveEntry | undefined;
  readOnly: boolean;
}

export type QuestionEvent =
  | { type: 'choose'; value: AnswerValue }
  | { type: 'key'; key: string }
  | { type: 'number-typed'; text: string }
  | { type: 'number-commit'; via: 'enter' | 'blur' }
  | { type: 'reason-typed'; text: string }
  | { type: 'reason-commit'; via: 'enter' | 'blur' }
  | { type: 'note-typed'; text: string }
  | { type: 'note-flush' };

export type Effect = { type: 'save'; draft: AnswerDraft } | { type: 'focus-reason' } | { type: 'advance' } | { type: 'schedule-note' };

export interface Transition {
  state: QuestionState;
  effects: Effect[];
  /** False when the event was not for this question (a key that chooses nothing): let it through. */
  handled: boolean;
}

/** The answer shown: a reason still awaited shows "not applicable", else the latest save's, else the store's. */
export function shownValue(state: QuestionState, context: QuestionContext): AnswerValue | undefined {
  return state.naWaiting ? 'na' : (context.save?.draft.value ?? context.answer?.value);
}

function savedNote(context: QuestionContext): string {
  return context.save?.draft.note ?? context.answer?.note ?? '';
}

function draftOf(state: QuestionState, value: AnswerValue): AnswerDraft {
  return { value, note: state.note.trim() === '' ? null : state.note, naReason: state.naReason.trim() === '' ? null : state.naReason };
}

function numberResponse(item: TemplateItem) {
  return 'response' in item && item.response.type === 'number' ? item.response : null;
}

/** The typed figure, or why it cannot be saved. */
export function parseNumber(item: TemplateItem, text: string): { ok: true; value: number } | { ok: false; message: string } | null {
  const response = numberResponse(item);
  if (!response) return null;
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < response.min || value > response.max || (response.integer && !Number.isInteger(value))) {
    return { ok: false, message: `Enter a ${response.integer ? 'whole ' : ''}number from ${response.min} to ${response.max} (${response.unit})` };
  }
  return { ok: true, value };
}

const done = (state: QuestionState, effects: Effect[] = []): Transition => ({ state, effects, handled: true });

export function update(state: QuestionState, event: QuestionEvent, context: QuestionContext): Transition {
  const { item, readOnly } = context;
  if (readOnly && event.type !== 'note-typed') return { state, effects: [], handled: event.type !== 'key' };
  const choose = (value: AnswerValue, advance: boolean): Transition => {
    if (value === 'na' && needsNaReason(item) && state.naReason.trim() === '') return done({ ...state, naWaiting: true }, [{ type: 'focus-reason' }]);
    const next = { ...state, naWaiting: false };
    // "Risk present" opens the ligature register form: the assessor stays on the question.
    return done(next, [{ type: 'save', draft: draftOf(next, value) }, ...(advance && value !== 'risk_present' ? [{ type: 'advance' } as const] : [])]);
  };
  switch (event.type) {
    case 'choose':
      return choose(event.value, false);
    case 'key': {
      const choice = choicesFor(item).find((c) => c.keys.includes(event.key.toLowerCase()));
      return choice ? choose(choice.value, true) : { state, effects: [], handled: false };
    }
    case 'number-typed':
      return done({ ...state, numberText: event.text, numberError: null });
    case 'number-commit': {
      const parsed = parseNumber(item, state.numberText);
      if (!parsed) return done(state);
      if (!parsed.ok) return done({ ...state, numberError: parsed.message });
      const next = { ...state, numberError: null };
      const changed = shownValue(state, context) !== parsed.value || context.save?.status === 'error';
      const effects: Effect[] = changed ? [{ type: 'save', draft: draftOf(next, parsed.value) }] : [];
      return done(next, event.via === 'enter' ? [...effects, { type: 'advance' }] : effects);
    }
    case 'reason-typed':
      return done({ ...state, naReason: event.text });
    case 'reason-commit': {
      if (state.naReason.trim() === '') return done(state);
      if (!state.naWaiting && state.naReason === (context.answer?.naReason ?? '')) return done(state, event.via === 'enter' ? [{ type: 'advance' }] : []);
      return choose('na', event.via === 'enter');
    }
    case 'note-typed':
      return done({ ...state, note: event.text }, readOnly ? [] : [{ type: 'schedule-note' }]);
    case 'note-flush': {
      const value = shownValue(state, context);
      if (value === undefined || state.naWaiting) return done(state);
      const typed = state.note.trim() === '' ? '' : state.note;
      if (typed === savedNote(context)) return done(state);
      return done(state, [{ type: 'save', draft: { ...draftOf(state, value), value } }]);
    }
  }
}

export type SaveLine =
  | { kind: 'waiting-reason'; text: string }
  | { kind: 'saving'; text: string }
  | { kind: 'failed'; text: string }
  | { kind: 'saved'; text: string }
  | { kind: 'unanswered'; text: string };

/** The one line under a question saying where its answer stands: "Saved" only once the store confirmed it. */
export function saveLine(state: QuestionState, context: QuestionContext, assessorName: string | undefined, unit?: string): SaveLine {
  if (state.naWaiting) return { kind: 'waiting-reason', text: 'Not saved yet: say why it does not apply, then press Enter.' };
  if (context.save?.status === 'pending') return { kind: 'saving', text: 'Saving…' };
  if (context.save?.status === 'error') return { kind: 'failed', text: context.save.message };
  if (context.answer) return { kind: 'saved', text: `Saved: ${answerLabel(context.answer.value, unit)}${assessorName ? ` (by ${assessorName})` : ''}` };
  return { kind: 'unanswered', text: 'Not answered' };
}

/** Where a filled answer came from, while nobody has answered it again by hand. */
export function provenance(answer: StoredAnswer | undefined, areaName: (id: string) => string): string | null {
  if (!answer?.fillId) return null;
  if (answer.copiedFromAreaId) return `Copied from ${areaName(answer.copiedFromAreaId)}: answer it again to confirm or change it.`;
  return 'Marked with the area’s “no findings”: answer it again to change it.';
}

/** What the typed figure counts as, and whether it disagrees with the register. */
export function numberNotes(item: TemplateItem, state: QuestionState, figure: RegisterFigure | null, answer: StoredAnswer | undefined): { banding: string | null; register: string | null; contradiction: string | null } {
  const response = numberResponse(item);
  if (!response || !('critical' in item)) return { banding: null, register: null, contradiction: null };
  const parsed = parseNumber(item, state.numberText);
  const banding = parsed?.ok ? numberBandingText({ critical: item.critical, response }, parsed.value) : null;
  const recorded = typeof answer?.value === 'number' ? answer.value : null;
  return {
    banding,
    register: figure ? `From the register: ${figure.source}, so ${figure.value} ${response.unit}.` : null,
    contradiction: figure && recorded !== null ? registerContradiction(recorded, figure, response.unit) : null,
  };
}

/** Whether the stored answer falls short of compliance, so an action can be recorded on it. */
export function canCarryAction(item: TemplateItem, answer: StoredAnswer | undefined): boolean {
  return answer !== undefined && 'response' in item && fallsShort(item, answer.value);
}
