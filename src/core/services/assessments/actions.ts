import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { ACTION_PRIORITIES } from '../../../shared/domain/assessment-schemas';
import type { ACTION_STATUSES, ACTION_TYPES } from '../../../shared/scoring';
import type { DbOrTx, ServiceContext } from '../../context';
import { actions, answers, ligaturePoints } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { assertDraft } from './read';
import { writeTransaction } from '../../db/transactions';

type Row = typeof actions.$inferSelect;

export function toAction(row: Row) {
  return {
    ...row,
    type: row.type as (typeof ACTION_TYPES)[number],
    priority: row.priority as (typeof ACTION_PRIORITIES)[number],
    status: row.status as (typeof ACTION_STATUSES)[number],
  };
}

export function listActions(tx: DbOrTx, assessmentId: string) {
  return tx.select().from(actions).where(eq(actions.assessmentId, assessmentId)).all().map(toAction);
}

function getAction(tx: DbOrTx, id: string) {
  const row = tx.select().from(actions).where(eq(actions.id, id)).get();
  if (!row) throw notFound('action', id);
  return toAction(row);
}

/** Answers that can carry an action: anything short of full compliance. */
const ACTIONABLE_VALUES = new Set(['"no"', '"partial"', '"C"', '"D"', '"risk_present"']);

export function createAction(ctx: ServiceContext, input: ParsedInput<'actions.create'>) {
  return writeTransaction(ctx.db, (tx) => {
    assertDraft(tx, input.assessmentId);
    if (input.answerId) {
      const answer = tx.select().from(answers).where(eq(answers.id, input.answerId)).get();
      if (!answer || answer.assessmentId !== input.assessmentId) throw notFound('answer in this assessment', input.answerId);
      if (!ACTIONABLE_VALUES.has(answer.value) && !/^\d/.test(answer.value)) {
        throw new AppError('VALIDATION', 'Actions are for answers that fall short ("no", "partial", grade C or D, or a risk present)', [{ path: ['answerId'], message: 'This answer needs no action' }]);
      }
    }
    if (input.ligaturePointId) {
      const point = tx.select().from(ligaturePoints).where(eq(ligaturePoints.id, input.ligaturePointId)).get();
      if (!point || point.assessmentId !== input.assessmentId) throw notFound('ligature point in this assessment', input.ligaturePointId);
    }
    const now = ctx.now().toISOString();
    const id = ctx.newId();
    const row = {
      id,
      assessmentId: input.assessmentId,
      answerId: input.answerId,
      ligaturePointId: input.ligaturePointId,
      lineageId: id,
      type: input.type,
      description: input.description,
      owner: input.owner,
      dueDate: input.dueDate,
      priority: input.priority,
      status: input.status,
      createdAt: now,
      updatedAt: now,
    };
    tx.insert(actions).values(row).run();
    recordAudit(tx, ctx, 'create', 'action', id, null, row);
    return toAction(row);
  });
}

export function updateAction(ctx: ServiceContext, input: ParsedInput<'actions.update'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = getAction(tx, input.id);
    assertDraft(tx, before.assessmentId);
    const changes = { type: input.type, description: input.description, owner: input.owner, dueDate: input.dueDate, priority: input.priority, status: input.status };
    tx.update(actions).set({ ...changes, updatedAt: ctx.now().toISOString() }).where(eq(actions.id, input.id)).run();
    const after = getAction(tx, input.id);
    recordAudit(tx, ctx, 'update', 'action', input.id, before, after);
    return after;
  });
}
