import { eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import { KIND_FACTS, differingFields, type RecordKind, type RecordRow } from '../../../shared/merge/kinds';
import type { DbOrTx, ServiceContext } from '../../context';
import { writeTransaction } from '../../db/transactions';
import { assessments, photos, recordStates } from '../../db/schema';
import { AppError, conflictOn, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { assertDraft, getAssessment } from '../assessments/read';
import { keepRecheckCopy } from '../walkthrough/rechecks';
import { recordDescriber, type DescribedRecord } from './describe';
import { REFERENCES, keyOf, writeLiveRow } from './records';
import { addLocalVersion, captureChanges, conflictedSlots, deviceNames, isConflict, loadSlots, readAllLive, saveSlots, selfDevice, type Device, type LiveRows, type Slot, type Slots, type StoredVersion } from './state';

// What merging left for a person: records whose versions disagree, and areas two devices each
// added under the same name. Each conflict shows every version with who, when and on which
// device; choosing one makes it this device's change, seen after all of them, so re-importing an
// earlier file never raises the conflict again.

export type ConflictReason = 'different_edits' | 'edit_and_removal' | 'removed_but_used';

export interface ConflictVersion {
  key: string;
  deleted: boolean;
  /** The record as this version has it (without who-and-when fields). */
  row: RecordRow;
  /** Assessor who made the change, where the record says; else the person using the device. */
  who: string;
  when: string;
  device: string;
  /** The version this device's live record holds meanwhile. */
  shownHere: boolean;
}

export interface Conflict extends DescribedRecord {
  reason: ConflictReason;
  /** Fields on which the versions differ. */
  fields: string[];
  versions: ConflictVersion[];
  /** For a removal still referred to: the records that refer to it. */
  usedBy: DescribedRecord[];
}

export interface ProbableDuplicate {
  name: string;
  type: string;
  areas: { areaId: string; name: string; answers: number; ligaturePoints: number }[];
}

export function listConflicts(ctx: ServiceContext, input: ParsedInput<'merge.conflicts'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = getAssessment(tx, input.assessmentId);
    const slots = loadSlots(tx, assessment.id);
    // A change made on this device since the last merge is part of what a person must see (an
    // assessment never handed out or merged has nothing to resolve, and is left as it is).
    if (assessment.status === 'draft' && slots.size > 0) {
      captureChanges(tx, ctx, assessment.id, slots, selfDevice(tx, ctx));
      saveSlots(tx, assessment.id, slots.values());
    }
    const live = readAllLive(tx, assessment.id);
    const devices = deviceNames(tx);
    // Which device each area of a pair comes from (the one that last changed it), to tell them apart.
    const deviceOf = (areaId: string) => {
      const versions = slots.get(keyOf('assessment_area', areaId))?.versions.filter((v) => !v.deleted) ?? [];
      const latest = versions.sort((a, b) => (a.at < b.at ? 1 : -1))[0];
      return latest ? (devices.get(latest.device) ?? latest.device) : null;
    };
    const duplicates = probableDuplicates(live).map((pair) => ({ ...pair, areas: pair.areas.map((area) => ({ ...area, device: deviceOf(area.areaId) })) }));
    return { conflicts: describeConflicts(tx, assessment.id, slots, live, devices), duplicates };
  });
}

function describeConflicts(tx: DbOrTx, assessmentId: string, slots: Slots, live: LiveRows, devices: ReadonlyMap<string, string>): Conflict[] {
  const describe = recordDescriber(tx, assessmentId);
  const assessorNames = new Map([...live.get('assessor')!.values()].map((a) => [String(a['id']), String(a['name'])]));
  return [...slots.values()]
    .filter(isConflict)
    .map((slot) => {
      const facts = KIND_FACTS[slot.kind];
      const allRemoved = slot.versions.every((v) => v.deleted);
      const reason: ConflictReason = allRemoved ? 'removed_but_used' : slot.versions.some((v) => v.deleted) ? 'edit_and_removal' : 'different_edits';
      const liveRow = live.get(slot.kind)!.get(slot.id);
      const attribution = new Set(facts.attribution);
      return {
        ...describe(slot.kind, slot.id, liveRow ?? slot.versions.find((v) => !v.deleted)?.row ?? slot.versions[0]!.row),
        reason,
        fields: differingFields(slot.kind, slot.versions.filter((v) => !v.deleted).map((v) => v.row)),
        versions: slot.versions.map((v) => ({
          key: v.key,
          deleted: v.deleted,
          row: Object.fromEntries(Object.entries(v.row).filter(([field]) => !attribution.has(field))),
          who: (facts.who && assessorNames.get(String(v.row[facts.who]))) || v.actor,
          when: (facts.when && typeof v.row[facts.when] === 'string' && !v.deleted ? String(v.row[facts.when]) : null) ?? v.at,
          device: devices.get(v.device) ?? v.device,
          shownHere: v.deleted ? liveRow === undefined : liveRow !== undefined && v.content === slot.liveContent,
        })),
        usedBy: allRemoved ? referrers(slot.kind, slot.id, live).map((r) => describe(r.kind, r.id)) : [],
      };
    })
    .sort((a, b) => (a.where ?? '').localeCompare(b.where ?? '', 'en-GB', { numeric: true }) || a.label.localeCompare(b.label, 'en-GB', { numeric: true }));
}

/** Live records that refer to this one (an action or photo of a point…). */
function referrers(kind: RecordKind, id: string, live: LiveRows): { kind: RecordKind; id: string }[] {
  return REFERENCES[kind].flatMap((ref) => [...live.get(ref.kind)!.entries()].filter(([, row]) => row[ref.field] === id).map(([childId]) => ({ kind: ref.kind, id: childId })));
}

/** Areas of the assessment two devices each added under the same name and type. */
export function probableDuplicates(live: LiveRows): ProbableDuplicate[] {
  const groups = new Map<string, RecordRow[]>();
  for (const area of live.get('assessment_area')!.values()) {
    const key = `${String(area['type'])}\u0000${String(area['name']).trim().toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), area]);
  }
  const count = (kind: RecordKind, areaId: unknown) => [...live.get(kind)!.values()].filter((row) => row['areaId'] === areaId).length;
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({
      name: String(group[0]!['name']),
      type: String(group[0]!['type']),
      areas: group
        .map((a) => ({ areaId: String(a['areaId']), name: String(a['name']), answers: count('answer', a['areaId']), ligaturePoints: count('ligature_point', a['areaId']) }))
        .sort((a, b) => (a.areaId < b.areaId ? -1 : 1)),
    }));
}

/** How many records wait for a person: conflicts, and areas that look added twice (sign-off waits for both). */
export function unresolvedCount(tx: DbOrTx, assessmentId: string): { conflicts: number; duplicates: number } {
  const conflicts = conflictedSlots(tx, assessmentId).length;
  // Only a merge can bring two areas of one name into an assessment.
  const shared = tx.select({ one: sql`1` }).from(recordStates).where(eq(recordStates.assessmentId, assessmentId)).limit(1).get();
  if (!shared) return { conflicts, duplicates: 0 };
  return { conflicts, duplicates: probableDuplicates(readAllLive(tx, assessmentId)).length };
}

/**
 * A person's choice on the Resolve screen: the chosen version becomes this device's own change,
 * made having seen every version, so it supersedes them all here and on every device it reaches.
 * Choosing a removal removes what refers to the record too (its actions and photos), each kept
 * in the audit log; "restore" keeps a removed record that something still refers to.
 */
export function resolveConflict(ctx: ServiceContext, input: ParsedInput<'merge.resolve'>) {
  return writeTransaction(ctx.db, (tx) => {
    assertDraft(tx, input.assessmentId);
    const self = selfDevice(tx, ctx);
    const slots = loadSlots(tx, input.assessmentId);
    const { live } = captureChanges(tx, ctx, input.assessmentId, slots, self);
    const slot = slots.get(keyOf(input.kind, input.recordId));
    if (!slot || !isConflict(slot)) throw new AppError('CONFLICT', 'This conflict has already been resolved (on this screen or by a later merge). The list has been brought up to date.');
    const current = live.get(slot.kind)!.get(slot.id);
    const versions = slot.versions;
    let kept: RecordRow | null;
    if (input.keep === 'restore') {
      if (!current || !slot.versions.every((v) => v.deleted)) throw conflictOn('keep', 'Only a record removed on another device but still in use here can be restored');
      kept = current;
    } else {
      const chosen = slot.versions.find((v) => v.key === input.keep);
      if (!chosen) throw notFound('version of this record', input.keep);
      if (chosen.deleted) {
        removeWithReferrers(tx, ctx, input.assessmentId, slot, live, slots, self);
        kept = null;
      } else {
        if (slot.kind === 'photo' && !photoHere(tx, chosen.row)) throw conflictOn('keep', 'That photo’s picture is not on this device: bring back the file exported with photos, then choose again');
        if (current) writeLiveRow(tx, slot.kind, input.assessmentId, slot.id, { update: chosen.row });
        else writeLiveRow(tx, slot.kind, input.assessmentId, slot.id, { insert: chosen.row }, slot.kind === 'photo' ? photoHere(tx, chosen.row)! : undefined);
        kept = chosen.row;
      }
    }
    addLocalVersion(slot, kept ?? versions.find((v) => v.key === input.keep)!.row, kept === null, self, ctx, true);
    recordAudit(tx, ctx, kept === null ? 'delete' : current ? 'update' : 'create', slot.kind, slot.id, current ?? null, {
      ...(kept ?? {}),
      resolvedConflict: { kept: input.keep === 'restore' ? 'restored' : kept === null ? 'removal' : 'version', versions: versions.length },
    });
    // A re-check and the point or action it carried over stay in step.
    if (slot.kind === 'recheck' && kept?.['outcome'] === 'removed') removeRecheckCopies(tx, ctx, input.assessmentId, versions, live, slots, self);
    if ((slot.kind === 'ligature_point' || slot.kind === 'action') && kept) keepRecheckCopy(tx, ctx, input.assessmentId, slot.kind === 'action' ? 'action' : 'ligature_point', slot.id);
    touch(tx, ctx, input.assessmentId);
    saveSlots(tx, input.assessmentId, slots.values());
    return unresolvedCount(tx, input.assessmentId);
  });
}

function photoHere(tx: DbOrTx, row: RecordRow): Buffer | null {
  return tx.select({ bytes: photos.bytes }).from(photos).where(eq(photos.sha256, String(row['sha256']))).limit(1).get()?.bytes ?? null;
}

/** Removes a record and, first, every live record that refers to it; each becomes a removal version. */
export function removeWithReferrers(tx: DbOrTx, ctx: ServiceContext, assessmentId: string, slot: Slot, live: LiveRows, slots: Slots, self: Device): void {
  for (const child of referrers(slot.kind, slot.id, live)) {
    const childSlot = slots.get(keyOf(child.kind, child.id));
    if (childSlot) {
      removeWithReferrers(tx, ctx, assessmentId, childSlot, live, slots, self);
      addLocalVersion(childSlot, live.get(child.kind)!.get(child.id) ?? childSlot.versions[0]!.row, true, self, ctx);
    }
  }
  const row = live.get(slot.kind)!.get(slot.id);
  if (!row) return;
  writeLiveRow(tx, slot.kind, assessmentId, slot.id, { remove: true });
  if (slot.kind !== 'assessment') recordAudit(tx, ctx, 'delete', slot.kind, slot.id, row, null);
  live.get(slot.kind)!.delete(slot.id);
}

/** A re-check settled as "removed" leaves no copy of last round's point or action behind. */
function removeRecheckCopies(tx: DbOrTx, ctx: ServiceContext, assessmentId: string, versions: readonly StoredVersion[], live: LiveRows, slots: Slots, self: Device): void {
  const copyKind: RecordKind = versions[0]!.row['subject'] === 'action' ? 'action' : 'ligature_point';
  for (const copyId of new Set(versions.map((v) => v.row['currentId']).filter((id): id is string => typeof id === 'string'))) {
    const copySlot = slots.get(keyOf(copyKind, copyId));
    if (!copySlot || !live.get(copyKind)!.has(copyId)) continue;
    const row = live.get(copyKind)!.get(copyId)!;
    removeWithReferrers(tx, ctx, assessmentId, copySlot, live, slots, self);
    addLocalVersion(copySlot, row, true, self, ctx);
  }
}

export function touch(tx: DbOrTx, ctx: ServiceContext, assessmentId: string): void {
  tx.update(assessments).set({ updatedAt: ctx.now().toISOString() }).where(eq(assessments.id, assessmentId)).run();
}
