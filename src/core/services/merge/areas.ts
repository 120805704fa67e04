import { and, eq, ne, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import { contentOf, type RecordRow } from '../../../shared/merge/kinds';
import type { DbOrTx, ServiceContext } from '../../context';
import { writeTransaction } from '../../db/transactions';
import { areas, devices } from '../../db/schema';
import { conflictOn, notFound } from '../../errors';
import { answerId } from '../assessments/answers';
import { recordAudit } from '../audit';
import { assertDraft, getAssessment } from '../assessments/read';
import { probableDuplicates, removeWithReferrers, touch } from './conflicts';
import { keyOf, writeLiveRow } from './records';
import { addLocalVersion, captureChanges, loadSlots, saveSlots, selfDevice, slotFor, toStoredVersion, type LiveRows } from './state';
import { maximalVersions } from '../../../shared/merge/versions';

// Two devices each added what looks like the same area (same name and type). Either they are
// different rooms ("keep both": one gets its own name), or the same room recorded twice ("merge
// into one": everything recorded in one moves to the other, and where both answered a question
// differently, both answers wait on the Resolve page as a conflict).

export function renameDuplicateArea(ctx: ServiceContext, input: ParsedInput<'merge.renameArea'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    const area = assessment.areas.find((a) => a.areaId === input.areaId);
    if (!area) throw notFound('area of this assessment', input.areaId);
    if (assessment.areas.some((a) => a.areaId !== input.areaId && a.name.trim().toLowerCase() === input.name.trim().toLowerCase())) {
      throw conflictOn('name', `Another area of this assessment is already called ${input.name}`);
    }
    const clash = tx.select({ id: areas.id }).from(areas).where(and(eq(areas.wardId, assessment.wardId), ne(areas.id, input.areaId), sql`lower(${areas.name}) = lower(${input.name})`)).get();
    if (clash) throw conflictOn('name', `The ward already has an area called ${input.name}`);
    const now = ctx.now().toISOString();
    tx.update(areas).set({ name: input.name, updatedAt: now }).where(eq(areas.id, input.areaId)).run();
    tx.run(sql`UPDATE assessment_areas SET name = ${input.name} WHERE assessment_id = ${input.assessmentId} AND area_id = ${input.areaId}`);
    touch(tx, ctx, input.assessmentId);
    recordAudit(tx, ctx, 'update', 'assessment_area', input.areaId, { name: area.name }, { name: input.name, keptApartFromDuplicate: true });
    return getAssessment(tx, input.assessmentId);
  });
}

/**
 * "Merge into one": the area `removeAreaId` was the same room as `keepAreaId`. Its answers move to
 * the kept area (an answer the kept area lacks is taken; the same answer is one; a different one
 * becomes a conflict between the two), its ligature points, actions and photos follow, and the
 * area leaves the assessment (and the register, when nothing else refers to it).
 */
export function combineDuplicateAreas(ctx: ServiceContext, input: ParsedInput<'merge.combineAreas'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    const self = selfDevice(tx, ctx);
    const slots = loadSlots(tx, assessment.id);
    const { live } = captureChanges(tx, ctx, assessment.id, slots, self);
    const pair = probableDuplicates(live).find((d) => d.areas.some((a) => a.areaId === input.keepAreaId) && d.areas.some((a) => a.areaId === input.removeAreaId));
    if (!pair || input.keepAreaId === input.removeAreaId) throw conflictOn('removeAreaId', 'Only two areas of the same name and type, added on different devices, can be merged into one');
    // Answers the removed area had that the kept one answered differently: kept as a second version,
    // made by a stand-in device that has seen neither, so neither replaces the other.
    let standIn: string | null = null;
    for (const [id, row] of [...live.get('answer')!.entries()].filter(([, r]) => r['areaId'] === input.removeAreaId)) {
      const target = answerId(assessment.id, String(row['itemId']), input.keepAreaId);
      const moved: RecordRow = { ...row, id: target, areaId: input.keepAreaId };
      const kept = live.get('answer')!.get(target);
      if (!kept) {
        writeLiveRow(tx, 'answer', assessment.id, target, { insert: moved });
        live.get('answer')!.set(target, moved);
      } else if (contentOf('answer', { deleted: false, row: kept }) !== contentOf('answer', { deleted: false, row: moved })) {
        standIn ??= standInDevice(tx, ctx, self.name);
        const slot = slotFor(slots, 'answer', target);
        if (slot.versions.length === 0) addLocalVersion(slot, kept, false, self, ctx);
        const version = toStoredVersion('answer', { clock: { [standIn]: 1 }, deleted: false, row: moved, device: standIn, actor: ctx.actor, at: ctx.now().toISOString() });
        slot.versions = maximalVersions([...slot.versions, version], (v) => v.key);
        slot.dirty = true;
      }
      repoint(tx, ctx, assessment.id, live, 'answerId', id, target);
      const oldSlot = slots.get(keyOf('answer', id));
      removeWithReferrers(tx, ctx, assessment.id, oldSlot ?? slotFor(slots, 'answer', id), live, slots, self);
    }
    for (const kind of ['ligature_point'] as const) {
      for (const [id, row] of live.get(kind)!) {
        if (row['areaId'] !== input.removeAreaId) continue;
        const moved = { ...row, areaId: input.keepAreaId };
        writeLiveRow(tx, kind, assessment.id, id, { update: moved });
        recordAudit(tx, ctx, 'update', kind, id, row, { ...moved, movedFromDuplicateArea: input.removeAreaId });
        live.get(kind)!.set(id, moved);
      }
    }
    const assignment = live.get('area_assignment')!.get(input.removeAreaId);
    if (assignment && !live.get('area_assignment')!.has(input.keepAreaId)) {
      const moved = { ...assignment, areaId: input.keepAreaId };
      writeLiveRow(tx, 'area_assignment', assessment.id, input.keepAreaId, { insert: moved });
      live.get('area_assignment')!.set(input.keepAreaId, moved);
    }
    removeWithReferrers(tx, ctx, assessment.id, slotFor(slots, 'assessment_area', input.removeAreaId), live, slots, self);
    // The changes made here become versions now, so the file written next carries them.
    captureChanges(tx, ctx, assessment.id, slots, self);
    saveSlots(tx, assessment.id, slots.values());
    removeRegisterAreaIfUnused(tx, ctx, input.removeAreaId);
    touch(tx, ctx, assessment.id);
    recordAudit(tx, ctx, 'update', 'assessment', assessment.id, null, { areasMergedIntoOne: { kept: input.keepAreaId, removed: input.removeAreaId } });
    return getAssessment(tx, assessment.id);
  });
}

/** Moves what pointed at one record (an action or photo of an answer) to another. */
function repoint(tx: DbOrTx, ctx: ServiceContext, assessmentId: string, live: LiveRows, field: 'answerId', from: string, to: string): void {
  for (const kind of ['action', 'photo'] as const) {
    for (const [id, row] of live.get(kind)!) {
      if (row[field] !== from) continue;
      const moved = { ...row, [field]: to };
      writeLiveRow(tx, kind, assessmentId, id, { update: moved });
      recordAudit(tx, ctx, 'update', kind, id, row, moved);
      live.get(kind)!.set(id, moved);
    }
  }
}

function standInDevice(tx: DbOrTx, ctx: ServiceContext, selfName: string): string {
  const id = ctx.newId();
  tx.insert(devices).values({ id, name: `${selfName} (areas merged into one)`.slice(0, 120), self: false, firstSeenAt: ctx.now().toISOString() }).run();
  return id;
}

function removeRegisterAreaIfUnused(tx: DbOrTx, ctx: ServiceContext, areaId: string): void {
  const used = tx.get<{ n: number }>(sql`
    SELECT (SELECT count(*) FROM assessment_areas WHERE area_id = ${areaId}) + (SELECT count(*) FROM answers WHERE area_id = ${areaId})
         + (SELECT count(*) FROM ligature_points WHERE area_id = ${areaId}) + (SELECT count(*) FROM area_assignments WHERE area_id = ${areaId}) AS n`);
  if ((used?.n ?? 0) > 0) return;
  const before = tx.select().from(areas).where(eq(areas.id, areaId)).get();
  if (!before) return;
  tx.delete(areas).where(eq(areas.id, areaId)).run();
  recordAudit(tx, ctx, 'delete', 'area', areaId, before, null);
}
