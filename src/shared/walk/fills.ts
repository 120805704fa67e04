import type { AreaType, SupervisionTier } from '../domain/estate';
import type { AnswerValue } from '../scoring/inputs';
import { appliesToArea } from '../templates/applicability';
import type { TemplateItem } from '../templates/schema';

// Answering many questions in one action, and exactly which ones. The services write what these
// plan; the walkthrough shows the same plan before the assessor confirms it. Neither ever
// overwrites an answer already given.
//
// Sample rooms: areas of one type built to one design are filled from a fully answered one
// ("as Bedroom 1"). Every answer is copied as it is, ligature prompts included; a "risk present"
// prompt brings its ligature points too, as new points to confirm in each room (the services).
//
// No findings: an area walked and found in order has its yes/no compliance questions answered
// "yes" in one action. Never a ligature prompt (each is a finding of its own), never a grade or a
// measurement (those need the assessor's judgement or a figure).

export interface FillArea {
  areaId: string;
  name: string;
  type: string;
  supervisionTier: SupervisionTier;
}

export interface FillAnswer {
  itemId: string;
  areaId: string | null;
  value: AnswerValue;
  naReason: string | null;
}

/** Something a fill writes: one answer in one place. */
export interface PlannedAnswer {
  itemId: string;
  areaId: string | null;
  value: AnswerValue;
  naReason: string | null;
}

function isPrompt(item: TemplateItem): boolean {
  return !('response' in item);
}

function asked(item: TemplateItem, area: FillArea): boolean {
  return appliesToArea(item.appliesTo, { id: area.areaId, type: area.type as AreaType, supervisionTier: area.supervisionTier });
}

function key(itemId: string, areaId: string | null): string {
  return `${itemId}\u0000${areaId ?? ''}`;
}

export type CopyPlan =
  | { ok: false; problem: string; field: 'sourceAreaId' | 'targetAreaIds' }
  | {
      ok: true;
      answers: PlannedAnswer[];
      /** Per target area: answers to copy, answers already given there (kept), questions the sample does not answer. */
      perArea: { areaId: string; copied: number; kept: number; notInSample: number }[];
      /** Ligature prompts copied as "risk present" (their points come too, to confirm). */
      riskPresent: PlannedAnswer[];
    };

/**
 * What filling `targetIds` from the sample room `sourceId` writes: for each target, every
 * question asked there that the sample answers and the target does not yet. Refused when the
 * sample is not fully answered, or a target is not an area of the same type.
 */
export function planCopy(input: { items: readonly TemplateItem[]; areas: readonly FillArea[]; answers: readonly FillAnswer[]; sourceId: string; targetIds: readonly string[] }): CopyPlan {
  const byId = new Map(input.areas.map((a) => [a.areaId, a]));
  const source = byId.get(input.sourceId);
  if (!source) return { ok: false, problem: 'The sample room is not an area of this assessment', field: 'sourceAreaId' };
  if (input.targetIds.length === 0) return { ok: false, problem: 'Choose at least one area to fill from the sample room', field: 'targetAreaIds' };
  const targets: FillArea[] = [];
  for (const id of new Set(input.targetIds)) {
    const target = byId.get(id);
    if (!target) return { ok: false, problem: `Area ${id} is not an area of this assessment`, field: 'targetAreaIds' };
    if (id === source.areaId) return { ok: false, problem: `${source.name} cannot be filled from itself`, field: 'targetAreaIds' };
    if (target.type !== source.type) return { ok: false, problem: `${target.name} is not the same type of area as ${source.name}: only areas of one design can share answers`, field: 'targetAreaIds' };
    targets.push(target);
  }
  const given = new Map(input.answers.map((a) => [key(a.itemId, a.areaId), a]));
  const sourceItems = input.items.filter((item) => asked(item, source));
  const unanswered = sourceItems.filter((item) => !given.has(key(item.id, source.areaId))).length;
  if (unanswered > 0) {
    return {
      ok: false,
      problem: `${source.name} has ${unanswered} unanswered question${unanswered === 1 ? '' : 's'}: answer ${unanswered === 1 ? 'it' : 'every one'} before using it as a sample room`,
      field: 'sourceAreaId',
    };
  }
  const answers: PlannedAnswer[] = [];
  const riskPresent: PlannedAnswer[] = [];
  const perArea = targets.map((target) => {
    let copied = 0;
    let kept = 0;
    let notInSample = 0;
    for (const item of input.items) {
      if (!asked(item, target)) continue;
      if (given.has(key(item.id, target.areaId))) {
        kept += 1;
        continue;
      }
      const sample = given.get(key(item.id, source.areaId));
      if (!sample) {
        notInSample += 1;
        continue;
      }
      const planned = { itemId: item.id, areaId: target.areaId, value: sample.value, naReason: sample.naReason };
      answers.push(planned);
      if (isPrompt(item) && sample.value === 'risk_present') riskPresent.push(planned);
      copied += 1;
    }
    return { areaId: target.areaId, copied, kept, notInSample };
  });
  return { ok: true, answers, perArea, riskPresent };
}

/** The answer "no findings" gives an item, or null when it never answers that item. */
export function noFindingsValue(item: TemplateItem): AnswerValue | null {
  if (isPrompt(item) || !('response' in item)) return null;
  return item.response.type === 'yes_no' || item.response.type === 'yes_partial_no' ? 'yes' : null;
}

export interface NoFindingsPlan {
  answers: PlannedAnswer[];
  /** Unanswered questions of the area that stay for the assessor. */
  left: { prompts: number; judged: number };
}

/** What marking one area (null: the ward-level questions) "no findings" writes, and what it leaves. */
export function planNoFindings(input: { items: readonly TemplateItem[]; area: FillArea | null; answers: readonly FillAnswer[] }): NoFindingsPlan {
  const areaId = input.area?.areaId ?? null;
  const given = new Set(input.answers.map((a) => key(a.itemId, a.areaId)));
  const answers: PlannedAnswer[] = [];
  const left = { prompts: 0, judged: 0 };
  for (const item of input.items) {
    const here = input.area ? asked(item, input.area) : item.appliesTo.scope === 'ward';
    if (!here || given.has(key(item.id, areaId))) continue;
    const value = noFindingsValue(item);
    if (value !== null) answers.push({ itemId: item.id, areaId, value, naReason: null });
    else if (isPrompt(item)) left.prompts += 1;
    else left.judged += 1;
  }
  return { answers, left };
}
