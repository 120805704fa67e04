import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { AnswerValue } from '../../../shared/scoring';
import { matchAnswers, needsNaReason } from '../../../shared/scoring/answers';
import type { DbOrTx, ServiceContext } from '../../context';
import { answers, assessments } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { findPinnedItem, pinnedTemplates, scoringAreas, valueProblem } from './pinned';
import { assertAssessorOf, assertDraft } from './read';
import { writeTransaction } from '../../db/transactions';

/** Same answer, same id, on every machine: "<assessment>:<item>:<area id or 'ward'>". */
export function answerId(assessmentId: string, itemId: string, areaId: string | null): string {
  return `${assessmentId}:${itemId}:${areaId ?? 'ward'}`;
}

function toAnswer(row: typeof answers.$inferSelect) {
  return {
    id: row.id,
    itemId: row.itemId,
    areaId: row.areaId,
    value: JSON.parse(row.value) as AnswerValue,
    naReason: row.naReason,
    note: row.note,
    assessorId: row.assessorId,
    answeredAt: row.answeredAt,
    fillId: row.fillId,
    copiedFromAreaId: row.copiedFromAreaId,
  };
}

export function listAnswers(tx: DbOrTx, assessmentId: string) {
  return tx.select().from(answers).where(eq(answers.assessmentId, assessmentId)).all().map(toAnswer);
}

/**
 * Saves one answer at once, replacing any earlier answer to the same item in the same place.
 * The answer must fit the pinned template: a known item, asked in that area, with a value its
 * response type accepts, and a reason when a weight-3 item is marked not applicable.
 */
export function recordAnswer(ctx: ServiceContext, input: ParsedInput<'answers.record'>) {
  return writeTransaction(ctx.db, (tx) => {
    const assessment = assertDraft(tx, input.assessmentId);
    assertAssessorOf(assessment, input.assessorId);
    const templates = pinnedTemplates(tx, assessment);
    const found = findPinnedItem(templates, input.itemId);
    if (!found) throw new AppError('VALIDATION', `${input.itemId} is not an item of this assessment’s checklists`, [{ path: ['itemId'], message: 'Unknown item' }]);
    const { template, item } = found;

    const candidate = { itemId: input.itemId, areaId: input.areaId, value: input.value };
    const matched = matchAnswers([item], scoringAreas(assessment), [candidate], (i, v) => valueProblem(template, i, v));
    const problem = matched.issues[0];
    if (problem) {
      const field = problem.code === 'invalid_value' ? 'value' : 'areaId';
      throw new AppError('VALIDATION', problem.message, [{ path: [field], message: problem.message }]);
    }
    if (input.value === 'na' && needsNaReason(item) && !input.naReason) {
      const message = template.domain === 'ligature' ? `${item.id} is a ligature prompt: say why it does not apply here` : `${item.id} is a weight 3 item: say why it does not apply here`;
      throw new AppError('VALIDATION', message, [{ path: ['naReason'], message }]);
    }

    const id = answerId(input.assessmentId, input.itemId, input.areaId);
    const before = tx.select().from(answers).where(eq(answers.id, id)).get();
    const now = ctx.now().toISOString();
    const row = {
      id,
      assessmentId: input.assessmentId,
      itemId: input.itemId,
      areaId: input.areaId,
      value: JSON.stringify(input.value),
      naReason: input.value === 'na' ? input.naReason : null,
      note: input.note,
      assessorId: input.assessorId,
      answeredAt: now,
      // Given by hand: no longer a filled answer (the audit log keeps where it came from).
      fillId: null,
      copiedFromAreaId: null,
    };
    // The update leaves the key columns alone: setting answers.id (even to itself) makes SQLite
    // check every table that references answers for the old key, a full scan of actions per answer.
    const { value, naReason, note, assessorId, answeredAt, fillId, copiedFromAreaId } = row;
    tx.insert(answers)
      .values(row)
      .onConflictDoUpdate({ target: answers.id, set: { value, naReason, note, assessorId, answeredAt, fillId, copiedFromAreaId } })
      .run();
    tx.update(assessments).set({ updatedAt: now }).where(eq(assessments.id, input.assessmentId)).run();
    recordAudit(tx, ctx, before ? 'update' : 'create', 'answer', id, before ? toAnswer(before) : null, toAnswer(row));
    return toAnswer(row);
  });
}
