import { eq } from 'drizzle-orm';
import { KIND_FACTS, RECORD_KINDS, type RecordKind, type RecordRow } from '../../../shared/merge/kinds';
import { maximalVersions, settle, type Version } from '../../../shared/merge/versions';
import type { DbOrTx, ServiceContext } from '../../context';
import { photos } from '../../db/schema';
import { storeProblemKind } from '../../store-errors';
import { recordAudit } from '../audit';
import { ExchangeRefusal } from '../exchange/verify';
import { REFERENCES, keyOf, liveHashOf, writeLiveRow } from './records';
import { isConflict, slotFor, toStoredVersion, type LiveRows, type Slot, type Slots, type StoredVersion } from './state';

// Merging another device's versions into this device's, and making the live records show the
// result. Per record: the union of both sides' versions, keeping what nothing supersedes. Then
// each changed record's live row is written (or removed) and the write lands in the audit log with
// the device and person the change came from.

export interface IncomingRecord {
  kind: RecordKind;
  id: string;
  versions: Version<RecordRow>[];
}

export interface MergeCounts {
  /** Records whose live row changed to take the other device's work. */
  taken: number;
  /** Records both devices changed to the same thing: not a conflict. */
  agreed: number;
  /** Records in conflict after the merge that were not before. */
  newConflicts: number;
  /** Records removed on one side but kept, because a live record (an action, a photo…) refers to them. */
  keptOverRemoval: number;
  /** Photos the file names without their bytes (exported without photos) that are not here either. */
  photosMissing: number;
  /** Records of which the file brought a version not known here (0: the file brought nothing new). */
  recordsChanged: number;
}

export interface MergeSource {
  fileName: string;
  deviceNames: ReadonlyMap<string, string>;
}

export function mergeIncoming(
  tx: DbOrTx,
  ctx: ServiceContext,
  assessmentId: string,
  slots: Slots,
  live: LiveRows,
  incoming: readonly IncomingRecord[],
  photoBytes: ReadonlyMap<string, Buffer>,
  source: MergeSource,
): MergeCounts {
  const counts: MergeCounts = { taken: 0, agreed: 0, newConflicts: 0, keptOverRemoval: 0, photosMissing: 0, recordsChanged: 0 };
  const changed: Slot[] = [];
  for (const record of incoming) {
    const slot = slotFor(slots, record.kind, record.id);
    const merged = maximalVersions([...slot.versions, ...record.versions.map((v) => toStoredVersion(record.kind, v))], (v) => v.key);
    if (sameVersions(merged, slot.versions)) continue;
    if (record.kind === 'photo' && !photoAvailable(tx, merged, live.get('photo')!.get(record.id), photoBytes)) {
      counts.photosMissing += 1;
      continue;
    }
    const wasConflict = isConflict(slot);
    slot.versions = merged;
    slot.dirty = true;
    changed.push(slot);
    const outcome = settle(merged, (v) => v.content);
    if (outcome.conflict && !wasConflict) counts.newConflicts += 1;
    if (!outcome.conflict && new Set(merged.map((v) => v.device)).size > 1) counts.agreed += 1;
  }
  counts.recordsChanged = changed.length;
  materialise(tx, ctx, assessmentId, slots, live, changed, photoBytes, source, counts);
  return counts;
}

function sameVersions(a: readonly StoredVersion[], b: readonly StoredVersion[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(b.map((v) => v.key));
  return a.every((v) => keys.has(v.key));
}

/** Whether the bytes of the photo a record would show are in the file or already here. */
function photoAvailable(tx: DbOrTx, versions: readonly StoredVersion[], liveRow: RecordRow | undefined, photoBytes: ReadonlyMap<string, Buffer>): boolean {
  const shown = settle(versions, (v) => v.content).shown;
  if (shown.deleted) return true;
  const sha = String(shown.row['sha256']);
  return liveRow?.['sha256'] === sha || photoBytes.has(sha) || localPhotoBytes(tx, sha) !== null;
}

function localPhotoBytes(tx: DbOrTx, sha: string): Buffer | null {
  return tx.select({ bytes: photos.bytes }).from(photos).where(eq(photos.sha256, sha)).limit(1).get()?.bytes ?? null;
}

/**
 * Makes the live records of the changed slots show their merged standing. A record removed on
 * one side stays while a live record still refers to it (that is a conflict, shown for a person to
 * decide). Rows are written parents first and removed children first, so every reference holds.
 */
export function materialise(
  tx: DbOrTx,
  ctx: ServiceContext,
  assessmentId: string,
  slots: Slots,
  live: LiveRows,
  changed: readonly Slot[],
  photoBytes: ReadonlyMap<string, Buffer>,
  source: MergeSource,
  counts: Pick<MergeCounts, 'taken' | 'keptOverRemoval'>,
): void {
  const desired = new Map<string, { slot: Slot; shown: StoredVersion; row: RecordRow | null }>();
  for (const slot of changed) {
    const { shown } = settle(slot.versions, (v) => v.content);
    desired.set(keyOf(slot.kind, slot.id), { slot, shown, row: shown.deleted ? null : shown.row });
  }
  const finalRow = (kind: RecordKind, id: string): RecordRow | null | undefined => {
    const planned = desired.get(keyOf(kind, id));
    return planned ? planned.row : live.get(kind)!.get(id);
  };
  // Children first, so a parent sees whether any child it keeps alive is itself kept.
  for (const kind of [...RECORD_KINDS].reverse()) {
    const referred = new Set<string>();
    for (const reference of REFERENCES[kind]) {
      const ids = new Set([...live.get(reference.kind)!.keys(), ...[...desired.values()].filter((d) => d.slot.kind === reference.kind).map((d) => d.slot.id)]);
      for (const id of ids) {
        const value = finalRow(reference.kind, id)?.[reference.field];
        if (typeof value === 'string') referred.add(value);
      }
    }
    for (const id of referred) {
      if (finalRow(kind, id)) continue;
      // Removed (here before, or by this merge) yet referred to: kept, and shown as a conflict.
      const slot = slots.get(keyOf(kind, id));
      if (!slot || slot.versions.length === 0) continue;
      const planned = desired.get(keyOf(kind, id)) ?? { slot, shown: settle(slot.versions, (v) => v.content).shown, row: null };
      planned.row = planned.shown.row;
      slot.dirty = true;
      desired.set(keyOf(kind, id), planned);
      counts.keptOverRemoval += 1;
    }
  }

  const ordered = RECORD_KINDS.flatMap((kind) => [...desired.values()].filter((d) => d.slot.kind === kind));
  for (const planned of ordered) {
    if (planned.row === null) continue;
    const { slot, row, shown } = planned;
    const current = live.get(slot.kind)!.get(slot.id);
    if (!current || liveHashOf(current) !== liveHashOf(row)) {
      if (current) writeLiveRow(tx, slot.kind, assessmentId, slot.id, { update: row });
      else insertTaken(tx, slot, assessmentId, row, slot.kind === 'photo' ? bytesOf(tx, row, photoBytes) : undefined, source.fileName);
      recordAudit(tx, ctx, current ? 'update' : 'create', slot.kind, slot.id, current ?? null, { ...row, mergedFrom: provenance(shown, source) });
      live.get(slot.kind)!.set(slot.id, row);
      counts.taken += 1;
    }
    slot.liveHash = liveHashOf(row);
    slot.liveContent = shown.content;
  }
  for (const planned of [...ordered].reverse()) {
    if (planned.row !== null) continue;
    const { slot, shown } = planned;
    const current = live.get(slot.kind)!.get(slot.id);
    if (current) {
      if (slot.kind === 'assessment') throw new Error('An assessment is never removed by a merge');
      writeLiveRow(tx, slot.kind, assessmentId, slot.id, { remove: true });
      recordAudit(tx, ctx, 'delete', slot.kind, slot.id, current, { removedBy: provenance(shown, source) });
      live.get(slot.kind)!.delete(slot.id);
      counts.taken += 1;
    }
    slot.liveHash = null;
    slot.liveContent = shown.content;
  }
}

/** Inserts a record the file brings; an id already taken by a record of another assessment refuses the whole file, naming both. */
function insertTaken(tx: DbOrTx, slot: Slot, assessmentId: string, row: RecordRow, bytes: Buffer | undefined, fileName: string): void {
  try {
    writeLiveRow(tx, slot.kind, assessmentId, slot.id, { insert: row }, bytes);
  } catch (error) {
    if (storeProblemKind(error) !== 'ALREADY_EXISTS') throw error;
    throw new ExchangeRefusal(fileName, `the ${KIND_FACTS[slot.kind].label} ${slot.id} is already here in another assessment. Ids never repeat between records, so this file was copied from another or altered: nothing from it was written.`, [], 'ALREADY_EXISTS');
  }
}

function bytesOf(tx: DbOrTx, row: RecordRow, photoBytes: ReadonlyMap<string, Buffer>): Buffer {
  const sha = String(row['sha256']);
  const bytes = photoBytes.get(sha) ?? localPhotoBytes(tx, sha);
  if (!bytes) throw new Error(`Photo bytes ${sha} vanished during the merge`);
  return bytes;
}

function provenance(version: StoredVersion, source: MergeSource) {
  return { file: source.fileName, device: source.deviceNames.get(version.device) ?? version.device, deviceId: version.device, by: version.actor, at: version.at };
}
