import { and, desc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import { londonDate } from '../../../shared/dates';
import { DOMAINS } from '../../../shared/templates';
import type { ServiceContext } from '../../context';
import { areas, assessmentAreas, assessmentTemplates, assessments, assessors } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { getWard } from '../estate/wards';
import { currentTemplateKey } from '../templates';
import { createRechecks } from '../walkthrough/rechecks';
import { routeOf, writeRoute } from '../walkthrough/route';
import { carriedRoute } from '../../../shared/walk/route';
import { assertDraft, getAssessment } from './read';
import { writeTransaction } from '../../db/transactions';

/**
 * Starts a walkthrough of a ward: pins the current version of each of the four templates and
 * copies the ward's areas as they are now. One draft per ward at a time, so two people never
 * split one walkthrough across two records. After a signed-off assessment this is the next round:
 * it links the previous one and puts its ligature points and open actions up for re-check.
 */
export function startAssessment(ctx: ServiceContext, input: ParsedInput<'assessments.start'>) {
  return writeTransaction(ctx.db, (tx) => {
    refuseFutureDate(ctx, input.assessedOn);
    const ward = getWard(tx, input.wardId);
    const draft = tx
      .select({ id: assessments.id, assessedOn: assessments.assessedOn })
      .from(assessments)
      .where(and(eq(assessments.wardId, input.wardId), eq(assessments.status, 'draft')))
      .get();
    if (draft) {
      throw new AppError('CONFLICT', `${ward.name} already has a draft assessment (started for ${draft.assessedOn}). Resume it, or sign it off first.`);
    }
    const pins = DOMAINS.map((domain) => ({ domain, key: currentTemplateKey(tx, domain) }));
    const missing = pins.filter((p) => !p.key).map((p) => p.domain);
    if (missing.length > 0) {
      throw new AppError('CONFLICT', `No current checklist template for: ${missing.join(', ')}. Install one before starting an assessment.`);
    }
    const previous = tx
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.wardId, input.wardId), eq(assessments.status, 'signed_off')))
      .orderBy(desc(assessments.assessedOn), desc(assessments.signedOffAt))
      .get();

    const now = ctx.now().toISOString();
    const id = ctx.newId();
    const row = {
      id,
      wardId: input.wardId,
      round: input.round,
      assessedOn: input.assessedOn,
      announced: input.announced,
      status: 'draft' as const,
      previousAssessmentId: previous?.id ?? null,
      createdAt: now,
      updatedAt: now,
    };
    tx.insert(assessments).values(row).run();
    for (const pin of pins) tx.insert(assessmentTemplates).values({ assessmentId: id, domain: pin.domain, templateKey: pin.key as string }).run();
    input.assessors.forEach((a, position) => {
      tx.insert(assessors).values({ id: ctx.newId(), assessmentId: id, name: a.name, role: a.role, position }).run();
    });
    const wardAreas = tx.select().from(areas).where(eq(areas.wardId, input.wardId)).all();
    for (const area of wardAreas) {
      tx.insert(assessmentAreas).values({ assessmentId: id, areaId: area.id, name: area.name, type: area.type, supervisionTier: area.supervisionTier }).run();
    }
    // The route walked last round, areas new since at its end; a first round starts at the entrance.
    const route = carriedRoute(
      previous ? routeOf(getAssessment(tx, previous.id)) : null,
      wardAreas.map((a) => ({ areaId: a.id, name: a.name, type: a.type })),
    );
    writeRoute(tx, id, route);
    const created = getAssessment(tx, id);
    const carried = previous ? createRechecks(tx, ctx, id, previous.id) : 0;
    recordAudit(tx, ctx, 'create', 'assessment', id, null, { ...row, templates: created.templates, assessors: created.assessors, areas: wardAreas.length, route, rechecks: carried });
    return created;
  });
}

/** An assessment records a visit that has happened: never dated after today (Europe/London). */
function refuseFutureDate(ctx: ServiceContext, assessedOn: string): void {
  const today = londonDate(ctx.now());
  if (assessedOn > today) {
    const message = `The assessment date cannot be in the future (today is ${today})`;
    throw new AppError('VALIDATION', message, [{ path: ['assessedOn'], message }]);
  }
}

/** Corrects a draft's date, round or announcement, under the same rules as at the start. */
export function updateAssessmentDetails(ctx: ServiceContext, input: ParsedInput<'assessments.updateDetails'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = assertDraft(tx, input.id);
    refuseFutureDate(ctx, input.assessedOn);
    const changes = { assessedOn: input.assessedOn, round: input.round, announced: input.announced };
    tx.update(assessments).set({ ...changes, updatedAt: ctx.now().toISOString() }).where(eq(assessments.id, input.id)).run();
    recordAudit(tx, ctx, 'update', 'assessment', input.id, { assessedOn: before.assessedOn, round: before.round, announced: before.announced }, changes);
    return getAssessment(tx, input.id);
  });
}
