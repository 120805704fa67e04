import { and, eq, inArray } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { DbOrTx, ServiceContext } from '../../context';
import { readTransaction, writeTransaction } from '../../db/transactions';
import { areaAssignments, assessments, devices } from '../../db/schema';
import { AppError, conflictOn } from '../../errors';
import { recordAudit } from '../audit';
import { assertAssessorOf, assertDraft, getAssessment } from '../assessments/read';
import { unresolvedCount } from './conflicts';
import { handoutHistory } from './export';
import { currentDevice, selfDevice } from './state';

// The team around one assessment: who takes which areas ("you take the bedrooms"), which devices
// have had it and when their work last came back, and what waits to be resolved. Assignments are
// guidance shown on every device; they lock no one out of any area.

export function assignAreas(ctx: ServiceContext, input: ParsedInput<'assignments.set'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    if (input.assessorId) assertAssessorOf(assessment, input.assessorId);
    const known = new Set(assessment.areas.map((a) => a.areaId));
    const unknown = input.areaIds.find((id) => !known.has(id));
    if (unknown) throw conflictOn('areaIds', `Area ${unknown} is not part of this assessment`);
    const now = ctx.now().toISOString();
    for (const areaId of input.areaIds) {
      const where = and(eq(areaAssignments.assessmentId, assessment.id), eq(areaAssignments.areaId, areaId));
      const before = tx.select().from(areaAssignments).where(where).get() ?? null;
      if (input.assessorId === null) {
        if (!before) continue;
        tx.delete(areaAssignments).where(where).run();
        recordAudit(tx, ctx, 'delete', 'area_assignment', areaId, before, null);
        continue;
      }
      if (before?.assessorId === input.assessorId) continue;
      const row = { assessmentId: assessment.id, areaId, assessorId: input.assessorId, assignedAt: now, assignedBy: ctx.actor.slice(0, 200) };
      tx.insert(areaAssignments).values(row).onConflictDoUpdate({ target: [areaAssignments.assessmentId, areaAssignments.areaId], set: { assessorId: row.assessorId, assignedAt: now, assignedBy: row.assignedBy } }).run();
      recordAudit(tx, ctx, before ? 'update' : 'create', 'area_assignment', areaId, before, row);
    }
    tx.update(assessments).set({ updatedAt: now }).where(eq(assessments.id, assessment.id)).run();
    return listAssignments(tx, assessment.id);
  });
}

/** Each area of the assessment in walk order with the assessor it is assigned to, if any. */
export function listAssignments(tx: DbOrTx, assessmentId: string) {
  const assessment = getAssessment(tx, assessmentId);
  const rows = new Map(tx.select().from(areaAssignments).where(eq(areaAssignments.assessmentId, assessmentId)).all().map((r) => [r.areaId, r]));
  const names = new Map(assessment.assessors.map((a) => [a.id, a.name]));
  return assessment.areas.map((area) => {
    const row = rows.get(area.areaId);
    return { areaId: area.areaId, areaName: area.name, areaType: area.type, assessorId: row?.assessorId ?? null, assessorName: row ? (names.get(row.assessorId) ?? null) : null, assignedBy: row?.assignedBy ?? null, assignedAt: row?.assignedAt ?? null };
  });
}

/** Everything the Team screen shows for an assessment. */
export function teamStatus(ctx: ServiceContext, input: ParsedInput<'merge.status'>) {
  // Read only: shown on every screen of an assessment, it must never wait for, or hold up, a writer.
  return readTransaction(ctx.db, (tx) => {
    const assessment = getAssessment(tx, input.assessmentId);
    const history = handoutHistory(tx, { assessmentId: assessment.id });
    return {
      assessmentId: assessment.id,
      status: assessment.status,
      device: currentDevice(tx),
      assignments: listAssignments(tx, assessment.id),
      ...unresolvedCount(tx, assessment.id),
      history,
    };
  });
}

export function renameDevice(ctx: ServiceContext, input: ParsedInput<'device.rename'>) {
  return writeTransaction(ctx.db, (tx) => {
    const self = selfDevice(tx, ctx);
    const taken = tx.select({ id: devices.id }).from(devices).where(inArray(devices.name, [input.name])).all().some((d) => d.id !== self.id);
    if (taken) throw new AppError('CONFLICT', `Another device is already called ${input.name}: choose a name the team can tell apart`, [{ path: ['name'], message: 'Choose another name' }]);
    tx.update(devices).set({ name: input.name }).where(eq(devices.id, self.id)).run();
    recordAudit(tx, ctx, 'update', 'device', self.id, self, { ...self, name: input.name });
    return { ...self, name: input.name };
  });
}
