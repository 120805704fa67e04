import { KIND_FACTS, type RecordKind, type RecordRow } from '../../../shared/merge/kinds';
import type { TemplateItem } from '../../../shared/templates';
import type { DbOrTx } from '../../context';
import { pinnedTemplates } from '../assessments/pinned';
import { getAssessment } from '../assessments/read';
import { loadSlots, readAllLive } from './state';
import { keyOf } from './records';

// A record in words, for the Resolve screen and for refusals: what it is ("Q05 Windows open no
// wider than 100 mm") and where ("Bedroom 3", "Ward"), from whichever version of it is at hand.

export interface DescribedRecord {
  kind: RecordKind;
  id: string;
  label: string;
  where: string | null;
  /** The checklist item it answers or was recorded from, if any. */
  itemId: string | null;
  /** The area it concerns (null for the ward as a whole or none). */
  areaId: string | null;
}

export function describeRecords(tx: DbOrTx, assessmentId: string, records: readonly { kind: RecordKind; id: string }[]): DescribedRecord[] {
  if (records.length === 0) return [];
  const describe = recordDescriber(tx, assessmentId);
  return records.map((r) => describe(r.kind, r.id));
}

/** A describer for one assessment's records (reads what it needs once). */
export function recordDescriber(tx: DbOrTx, assessmentId: string): (kind: RecordKind, id: string, row?: RecordRow) => DescribedRecord {
  const assessment = getAssessment(tx, assessmentId);
  const items = new Map<string, TemplateItem>();
  for (const template of Object.values(pinnedTemplates(tx, assessment))) for (const item of template.items as TemplateItem[]) items.set(item.id, item);
  const live = readAllLive(tx, assessmentId);
  const slots = loadSlots(tx, assessmentId);
  const rowOf = (kind: RecordKind, id: string): RecordRow | undefined => live.get(kind)!.get(id) ?? slots.get(keyOf(kind, id))?.versions[0]?.row;
  const areaName = (areaId: unknown): string | null => {
    if (typeof areaId !== 'string') return areaId === null ? 'Ward' : null;
    return (assessment.areas.find((a) => a.areaId === areaId)?.name ?? (rowOf('assessment_area', areaId)?.['name'] as string | undefined)) ?? 'an area';
  };
  const question = (itemId: unknown) => (typeof itemId === 'string' ? `${itemId} ${items.get(itemId)?.question ?? ''}`.trim() : null);

  return (kind, id, given) => {
    const row = given ?? rowOf(kind, id) ?? {};
    const base = { kind, id, itemId: typeof row['itemId'] === 'string' ? row['itemId'] : null, areaId: typeof row['areaId'] === 'string' ? row['areaId'] : null };
    switch (kind) {
      case 'answer':
        return { ...base, label: question(row['itemId']) ?? 'An answer', where: areaName(row['areaId']) };
      case 'ligature_point':
        return { ...base, label: `Ligature point: ${String(row['element'] ?? '')}`, where: areaName(row['areaId']) };
      case 'action':
      case 'photo': {
        const parent = typeof row['ligaturePointId'] === 'string' ? rowOf('ligature_point', row['ligaturePointId']) : typeof row['answerId'] === 'string' ? rowOf('answer', row['answerId']) : undefined;
        const of = parent ? (kind === 'action' ? ' on ' : ' of ') + (parent['element'] ? `ligature point ${String(parent['element'])}` : (question(parent['itemId']) ?? 'an answer')) : '';
        const text = kind === 'action' ? `Action “${String(row['description'] ?? '')}”` : `Photo${row['caption'] ? ` “${String(row['caption'])}”` : ''}`;
        return { ...base, itemId: typeof parent?.['itemId'] === 'string' ? parent['itemId'] : null, areaId: typeof parent?.['areaId'] === 'string' ? parent['areaId'] : null, label: `${text}${of}`, where: parent ? areaName(parent['areaId']) : null };
      }
      case 'assessment_area':
        return { ...base, areaId: id, label: `Area ${String(row['name'] ?? '')}`, where: String(row['name'] ?? '') };
      case 'area_assignment':
        return { ...base, areaId: id, label: 'Who assesses this area', where: areaName(id) };
      case 'recheck':
        return { ...base, label: `Re-check of last round’s ${row['subject'] === 'action' ? 'action' : 'ligature point'}`, where: null };
      case 'assessor':
        return { ...base, label: `Assessor ${String(row['name'] ?? '')}`, where: null };
      case 'assessment':
        return { ...base, label: `The assessment’s ${KIND_FACTS.assessment.label}`, where: null };
    }
  };
}
