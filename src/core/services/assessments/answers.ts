import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { AnswerValue, ScoringArea } from '../../../shared/scoring';
import { matchAnswers, needsNaReason } from '../../../shared/scoring/answers';
import type { TemplateItem } from '../../../shared/templates';
import type { DbOrTx, ServiceContext } from '../../context';
import { preparedFor, statement } from '../../db/prepared';
import { answers } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { findPinnedItem, pinnedTemplatesOf, valueProblem } from './pinned';
import { assertDraftByAssessor, assessedArea } from './read';
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

// Saving an answer is the most frequent write of all (every click of a walk), so it reads only
// what it checks, by key, through statements prepared once per connection: the assessment's status
// and the assessor, the pinned templates' hashes, the one area answered in and the earlier answer.
// Nothing it does grows with the size of the ward.

function answerRowById(tx: DbOrTx) {
  return preparedFor(tx, 'answers:by-id', () => tx.select().from(answers).where(eq(answers.id, sql.placeholder('id'))).prepare());
}

/** The columns a later answer to the same place replaces (the key columns stay as they are). */
const REPLACED = ['value', 'naReason', 'note', 'assessorId', 'answeredAt', 'fillId', 'copiedFromAreaId'] as const;

function upsertAnswer(tx: DbOrTx) {
  return preparedFor(tx, 'answers:upsert', () => {
    const columns = getTableColumns(answers);
    const placeholders = Object.fromEntries(Object.keys(columns).map((key) => [key, sql.placeholder(key)]));
    // The update leaves the key columns alone: setting answers.id (even to itself) makes SQLite
    // check every table that references answers for the old key, a full scan of actions per answer.
    const set = Object.fromEntries(REPLACED.map((key) => [key, sql.raw(`excluded.${columns[key].name}`)]));
    return tx
      .insert(answers)
      .values(placeholders as never)
      .onConflictDoUpdate({ target: answers.id, set })
      .prepare();
  });
}

// matchAnswers works out the lookups of a list of items once per list: each item's list of itself
// is kept, so a save does not build them anew.
const listOfOne = new WeakMap<TemplateItem, readonly TemplateItem[]>();

function alone(item: TemplateItem): readonly TemplateItem[] {
  let list = listOfOne.get(item);
  if (!list) listOfOne.set(item, (list = [item]));
  return list;
}

/**
 * Saves one answer at once, replacing any earlier answer to the same item in the same place.
 * The answer must fit the pinned template: a known item, asked in that area, with a value its
 * response type accepts, and a reason when a weight-3 item is marked not applicable.
 */
export function recordAnswer(ctx: ServiceContext, input: ParsedInput<'answers.record'>) {
  return writeTransaction(ctx.db, (tx) => {
    assertDraftByAssessor(tx, input.assessmentId, input.assessorId);
    const found = findPinnedItem(pinnedTemplatesOf(tx, input.assessmentId), input.itemId);
    if (!found) throw new AppError('VALIDATION', `${input.itemId} is not an item of this assessment’s checklists`, [{ path: ['itemId'], message: 'Unknown item' }]);
    const { template, item } = found;

    const area = input.areaId === null ? null : assessedArea(tx, input.assessmentId, input.areaId);
    const areas = area ? [{ id: area.areaId, name: area.name, type: area.type as ScoringArea['type'], supervisionTier: area.supervisionTier }] : [];
    const candidate = { itemId: input.itemId, areaId: input.areaId, value: input.value };
    const matched = matchAnswers(alone(item), areas, [candidate], (i, v) => valueProblem(template, i, v));
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
    const before = answerRowById(tx).get({ id });
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
    upsertAnswer(tx).run(row);
    statement(tx, 'UPDATE assessments SET updated_at = ? WHERE id = ?').run(now, input.assessmentId);
    recordAudit(tx, ctx, before ? 'update' : 'create', 'answer', id, before ? toAnswer(before) : null, toAnswer(row));
    return toAnswer(row);
  });
}
