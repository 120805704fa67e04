import { canonicalJson } from '../canonical-json';
import type { Template, TemplateItem } from './schema';

// What changed between two versions of one domain's checklist, item by item. Reports use it to
// say whether a trend against the previous round compares like with like (PLACE's lesson: a
// changed question set silently breaks trends).

export type TextField = 'question' | 'guidance' | 'references';
export type ScopeField = 'sectionId' | 'appliesTo' | 'response' | 'lookFor';

export interface WeightChange {
  itemId: string;
  from: { weight: number; critical: boolean };
  to: { weight: number; critical: boolean };
}

export interface TemplateDiff {
  templateId: string;
  fromVersion: string;
  toVersion: string;
  added: string[];
  removed: string[];
  /** Wording changed; the item still asks the same thing of the same places. */
  reworded: { itemId: string; fields: TextField[] }[];
  reweighted: WeightChange[];
  /** Asked in different places, answered differently, or moved section: scores may shift. */
  rescoped: { itemId: string; fields: ScopeField[] }[];
  /** RAG or completeness thresholds changed (the same answers may rate differently). */
  thresholdsChanged: boolean;
  /** True when scores under the two versions can be compared directly (only wording changed). */
  comparable: boolean;
}

export function diffTemplates(previous: Template, next: Template): TemplateDiff {
  if (previous.templateId !== next.templateId || previous.domain !== next.domain) {
    throw new Error(
      `Cannot compare template ${previous.templateId} (${previous.domain}) with ${next.templateId} (${next.domain})`,
    );
  }
  const before = new Map<string, TemplateItem>(previous.items.map((item) => [item.id, item]));
  const after = new Map<string, TemplateItem>(next.items.map((item) => [item.id, item]));

  const added = next.items.filter((item) => !before.has(item.id)).map((item) => item.id);
  const removed = previous.items.filter((item) => !after.has(item.id)).map((item) => item.id);
  const reworded: TemplateDiff['reworded'] = [];
  const reweighted: WeightChange[] = [];
  const rescoped: TemplateDiff['rescoped'] = [];

  for (const nextItem of next.items) {
    const prevItem = before.get(nextItem.id);
    if (!prevItem) continue;
    const textFields = (['question', 'guidance', 'references'] as const).filter((f) => differs(prevItem, nextItem, f));
    if (textFields.length > 0) reworded.push({ itemId: nextItem.id, fields: textFields });
    const scopeFields = (['sectionId', 'appliesTo', 'response', 'lookFor'] as const).filter((f) =>
      differs(prevItem, nextItem, f),
    );
    if (scopeFields.length > 0) rescoped.push({ itemId: nextItem.id, fields: scopeFields });
    const from = weightOf(prevItem);
    const to = weightOf(nextItem);
    if (from && to && (from.weight !== to.weight || from.critical !== to.critical)) {
      reweighted.push({ itemId: nextItem.id, from, to });
    }
  }

  const thresholdsChanged =
    previous.completenessThreshold !== next.completenessThreshold ||
    canonicalJson(thresholdsOf(previous)) !== canonicalJson(thresholdsOf(next));
  const comparable =
    added.length === 0 && removed.length === 0 && reweighted.length === 0 && rescoped.length === 0 && !thresholdsChanged;

  return {
    templateId: next.templateId,
    fromVersion: previous.version,
    toVersion: next.version,
    added,
    removed,
    reworded,
    reweighted,
    rescoped,
    thresholdsChanged,
    comparable,
  };
}

function differs(a: TemplateItem, b: TemplateItem, field: TextField | ScopeField): boolean {
  const left: unknown = (a as Record<string, unknown>)[field];
  const right: unknown = (b as Record<string, unknown>)[field];
  // Canonical JSON makes key order irrelevant, so only real content changes count.
  return canonicalJson(left ?? null) !== canonicalJson(right ?? null);
}

function weightOf(item: TemplateItem): { weight: number; critical: boolean } | null {
  return 'weight' in item ? { weight: item.weight, critical: item.critical } : null;
}

function thresholdsOf(template: Template): unknown {
  return 'ragThresholds' in template ? template.ragThresholds : null;
}
