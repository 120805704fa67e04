import os from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import { canonicalJson } from '../../../shared/canonical-json';
import { RECORD_KINDS, type RecordKind, type RecordRow } from '../../../shared/merge/kinds';
import { maximalVersions, nextClock, settle, type Clock, type Version } from '../../../shared/merge/versions';
import type { DbOrTx, ServiceContext } from '../../context';
import { insertRow, preparedFor } from '../../db/prepared';
import { devices, recordStates, recordVersions } from '../../db/schema';
import { keyOf, liveHashOf, readLiveRows, versionHashes } from './records';

// The merge's memory of a shared assessment, loaded whole (a ward is a few thousand records) and
// saved back where it changed: per record, its versions and what the live row stands for.

export interface StoredVersion extends Version<RecordRow> {
  /** SHA-256 of the version's identity. */
  key: string;
  /** SHA-256 of what it says, or "deleted". */
  content: string;
}

export interface Slot {
  kind: RecordKind;
  id: string;
  versions: StoredVersion[];
  /** The live row as last written or captured (hash), null when absent. */
  liveHash: string | null;
  /** The content of the version the live row stands for; null before the record was first seen. */
  liveContent: string | null;
  dirty: boolean;
}

export type Slots = Map<string, Slot>;

export function toStoredVersion(kind: RecordKind, version: Version<RecordRow>): StoredVersion {
  return { ...version, ...versionHashes(kind, version) };
}

export function slotFor(slots: Slots, kind: RecordKind, id: string): Slot {
  const key = keyOf(kind, id);
  let slot = slots.get(key);
  if (!slot) slots.set(key, (slot = { kind, id, versions: [], liveHash: null, liveContent: null, dirty: false }));
  return slot;
}

export function loadSlots(tx: DbOrTx, assessmentId: string, only?: ReadonlySet<string>): Slots {
  const slots: Slots = new Map();
  for (const v of tx.select().from(recordVersions).where(eq(recordVersions.assessmentId, assessmentId)).all()) {
    if (only && !only.has(keyOf(v.kind as RecordKind, v.recordId))) continue;
    slotFor(slots, v.kind as RecordKind, v.recordId).versions.push({
      clock: JSON.parse(v.clock) as Clock,
      deleted: v.deleted,
      row: JSON.parse(v.row) as RecordRow,
      device: v.deviceId,
      actor: v.actor,
      at: v.at,
      key: v.versionKey,
      content: v.contentKey,
    });
  }
  for (const s of tx.select().from(recordStates).where(eq(recordStates.assessmentId, assessmentId)).all()) {
    if (only && !only.has(keyOf(s.kind as RecordKind, s.recordId))) continue;
    const slot = slotFor(slots, s.kind as RecordKind, s.recordId);
    slot.liveHash = s.liveHash;
    slot.liveContent = s.liveContent;
  }
  return slots;
}

/** Writes back the records whose versions or live state changed. */
export function saveSlots(tx: DbOrTx, assessmentId: string, slots: Iterable<Slot>): void {
  const removeVersions = preparedFor(tx, 'merge:versions:remove', () =>
    tx
      .delete(recordVersions)
      .where(and(eq(recordVersions.assessmentId, sql.placeholder('assessmentId')), eq(recordVersions.kind, sql.placeholder('kind')), eq(recordVersions.recordId, sql.placeholder('recordId'))))
      .prepare(),
  );
  for (const slot of slots) {
    if (!slot.dirty) continue;
    removeVersions.run({ assessmentId, kind: slot.kind, recordId: slot.id });
    for (const v of slot.versions) {
      insertRow(tx, recordVersions, {
        assessmentId,
        kind: slot.kind,
        recordId: slot.id,
        versionKey: v.key,
        clock: canonicalJson(v.clock),
        deleted: v.deleted,
        contentKey: v.content,
        row: canonicalJson(v.row),
        deviceId: v.device,
        actor: v.actor,
        at: v.at,
      });
    }
    tx.insert(recordStates)
      .values({ assessmentId, kind: slot.kind, recordId: slot.id, liveHash: slot.liveHash, liveContent: slot.liveContent })
      .onConflictDoUpdate({ target: [recordStates.assessmentId, recordStates.kind, recordStates.recordId], set: { liveHash: slot.liveHash, liveContent: slot.liveContent } })
      .run();
    slot.dirty = false;
  }
}

export interface Device {
  id: string;
  name: string;
}

/** This database's own device as recorded, or what it will be called when first needed (id null until then). */
export function currentDevice(tx: DbOrTx): { id: string | null; name: string } {
  return tx.select({ id: devices.id, name: devices.name }).from(devices).where(eq(devices.self, true)).get() ?? { id: null, name: defaultDeviceName() };
}

const defaultDeviceName = () => (os.hostname() || 'This computer').slice(0, 120);

/** This database's own device, made on first use (named after the computer, renamable). */
export function selfDevice(tx: DbOrTx, ctx: ServiceContext): Device {
  const found = currentDevice(tx);
  if (found.id !== null) return found as Device;
  const device = { id: ctx.newId(), name: defaultDeviceName() };
  tx.insert(devices).values({ ...device, self: true, firstSeenAt: ctx.now().toISOString() }).run();
  return device;
}

/** Remembers devices named in a file (a name changed there is taken; this device's own is kept). */
export function rememberDevices(tx: DbOrTx, ctx: ServiceContext, named: readonly Device[]): void {
  for (const device of named) {
    const here = tx.select({ name: devices.name, self: devices.self }).from(devices).where(eq(devices.id, device.id)).get();
    if (!here) tx.insert(devices).values({ ...device, self: false, firstSeenAt: ctx.now().toISOString() }).run();
    else if (!here.self && here.name !== device.name) tx.update(devices).set({ name: device.name }).where(eq(devices.id, device.id)).run();
  }
}

export function deviceNames(tx: DbOrTx): Map<string, string> {
  return new Map(tx.select({ id: devices.id, name: devices.name }).from(devices).all().map((d) => [d.id, d.name]));
}

/**
 * Records a change made on this device as a new version of the record. It has seen the versions
 * the live row stood for and this device's own earlier ones (or all of them, for a person's choice
 * on the Resolve screen), so it supersedes those and stays in conflict with any other: a change
 * made without seeing another device's version never silently replaces it.
 */
export function addLocalVersion(slot: Slot, row: RecordRow, deleted: boolean, self: Device, ctx: ServiceContext, seenAll = false): StoredVersion {
  // What the live row stood for, and this device's own earlier versions (a later change replaces them).
  const seen = seenAll || slot.liveContent === null ? slot.versions : slot.versions.filter((v) => v.content === slot.liveContent || v.device === self.id);
  const version = toStoredVersion(slot.kind, {
    clock: nextClock(seen.map((v) => v.clock), self.id, slot.versions.map((v) => v.clock)),
    deleted,
    row,
    device: self.id,
    actor: ctx.actor,
    at: ctx.now().toISOString(),
  });
  slot.versions = maximalVersions([...slot.versions, version], (v) => v.key);
  slot.liveHash = deleted ? null : liveHashOf(row);
  slot.liveContent = version.content;
  slot.dirty = true;
  return version;
}

/** The live records of an assessment, by kind then id. */
export type LiveRows = Map<RecordKind, Map<string, RecordRow>>;

export function readAllLive(tx: DbOrTx, assessmentId: string): LiveRows {
  return new Map(RECORD_KINDS.map((kind) => [kind, readLiveRows(tx, kind, assessmentId)]));
}

/**
 * Turns whatever changed on this device since the last capture into versions: a live row that
 * hashes differently was edited (or created), a record no longer live was removed. Run before
 * every export and merge, so the file and the merge see this device's latest work.
 */
export function captureChanges(tx: DbOrTx, ctx: ServiceContext, assessmentId: string, slots: Slots, self: Device): { live: LiveRows; captured: number } {
  const live = readAllLive(tx, assessmentId);
  let captured = 0;
  for (const kind of RECORD_KINDS) {
    const rows = live.get(kind)!;
    for (const [id, row] of rows) {
      const slot = slotFor(slots, kind, id);
      if (slot.liveHash === liveHashOf(row)) continue;
      addLocalVersion(slot, row, false, self, ctx);
      captured += 1;
    }
    for (const slot of slots.values()) {
      if (slot.kind !== kind || slot.liveHash === null || rows.has(slot.id)) continue;
      addLocalVersion(slot, lastRow(slot), true, self, ctx);
      captured += 1;
    }
  }
  return { live, captured };
}

/** The row a removal keeps for showing: the one the live record stood for. */
function lastRow(slot: Slot): RecordRow {
  const standing = slot.versions.find((v) => v.content === slot.liveContent && !v.deleted) ?? slot.versions.find((v) => !v.deleted) ?? slot.versions[0];
  if (!standing) throw new Error(`${slot.kind} ${slot.id} was removed but no version of it is known`);
  return standing.row;
}

/**
 * The records of these assessments that may be in conflict, found by SQL (several versions, or
 * removed everywhere yet live here), by assessment; isConflict decides. Cheap when nothing is shared.
 */
export function conflictCandidates(tx: DbOrTx, assessmentIds: readonly string[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  if (assessmentIds.length === 0) return found;
  const ids = JSON.stringify([...new Set(assessmentIds)]);
  const rows = tx.all<{ assessmentId: string; kind: string; recordId: string }>(sql`
    SELECT v.assessment_id AS assessmentId, v.kind AS kind, v.record_id AS recordId
    FROM record_versions v LEFT JOIN record_states s
      ON s.assessment_id = v.assessment_id AND s.kind = v.kind AND s.record_id = v.record_id
    WHERE v.assessment_id IN (SELECT value FROM json_each(${ids}))
    GROUP BY v.assessment_id, v.kind, v.record_id
    HAVING count(*) > 1 OR (min(v.deleted) = 1 AND max(s.live_hash) IS NOT NULL)`);
  for (const row of rows) {
    const keys = found.get(row.assessmentId) ?? new Set<string>();
    keys.add(keyOf(row.kind as RecordKind, row.recordId));
    found.set(row.assessmentId, keys);
  }
  return found;
}

/** The records of an assessment in conflict, with their versions. */
export function conflictedSlots(tx: DbOrTx, assessmentId: string): Slot[] {
  const candidates = conflictCandidates(tx, [assessmentId]).get(assessmentId);
  if (!candidates) return [];
  return [...loadSlots(tx, assessmentId, candidates).values()].filter(isConflict);
}

/** Whether the record's versions disagree (a person must choose). */
export function isConflict(slot: Slot): boolean {
  if (slot.versions.length === 0) return false;
  if (settle(slot.versions, (v) => v.content).conflict) return true;
  // Removed everywhere it was changed, yet kept here because a live record still refers to it.
  return slot.versions.every((v) => v.deleted) && slot.liveHash !== null;
}
