import type { ConflictedForScoring } from '../../../shared/merge/provisional-scoring';
import type { AnswerValue, LigatureControl } from '../../../shared/scoring';
import type { DbOrTx } from '../../context';
import { recordDescriber, type DescribedRecord } from './describe';
import { conflictCandidates, conflictedSlots, readAllLive, type Slot } from './state';
import { liveHashOf } from './records';

// What the scoring engine needs to know about conflicts in a draft: the versions of each
// conflicted answer, ligature point and action (shared/merge/provisional-scoring.ts decides how
// they count), and every record in conflict, named, for the live score to say which.

export function conflictsForScoring(tx: DbOrTx, assessmentId: string): { versions: ConflictedForScoring; records: DescribedRecord[] } | null {
  const slots = conflictedSlots(tx, assessmentId);
  if (slots.length === 0) return null;
  const live = readAllLive(tx, assessmentId);
  const rowsOf = (slot: Slot) => {
    const current = live.get(slot.kind)!.get(slot.id);
    const rows = slot.versions.map((v) => (v.deleted ? null : v.row));
    // A record kept over a removal (or changed here since) counts as it stands here too.
    if (current && !rows.some((r) => r && liveHashOf(r) === liveHashOf(current))) rows.push(current);
    return rows;
  };
  const versions: ConflictedForScoring = { answers: [], points: [], actions: [] };
  for (const slot of slots) {
    const rows = rowsOf(slot);
    if (slot.kind === 'answer') {
      const any = rows.find((r) => r !== null) ?? slot.versions[0]!.row;
      versions.answers.push({
        itemId: String(any['itemId']),
        areaId: (any['areaId'] as string | null) ?? null,
        versions: rows.map((r) => (r ? { itemId: String(r['itemId']), areaId: (r['areaId'] as string | null) ?? null, value: r['value'] as AnswerValue, naReason: (r['naReason'] as string | null) ?? null } : null)),
      });
    } else if (slot.kind === 'ligature_point') {
      versions.points.push({ id: slot.id, versions: rows.map((r) => (r ? ({ ...r, controls: r['controls'] as LigatureControl[] } as unknown as ConflictedForScoring['points'][number]['versions'][number]) : null)) });
    } else if (slot.kind === 'action') {
      versions.actions.push({ id: slot.id, versions: rows.map((r) => (r ? ({ id: slot.id, ligaturePointId: r['ligaturePointId'], type: r['type'], status: r['status'], dueDate: r['dueDate'] } as ConflictedForScoring['actions'][number]['versions'][number]) : null)) });
    }
  }
  const describe = recordDescriber(tx, assessmentId);
  return { versions, records: slots.map((slot) => describe(slot.kind, slot.id)) };
}

/** Which of these assessments have a record in conflict. */
export function withConflicts(tx: DbOrTx, assessmentIds: readonly string[]): Set<string> {
  const candidates = conflictCandidates(tx, assessmentIds);
  return new Set([...candidates.keys()].filter((id) => conflictedSlots(tx, id).length > 0));
}
