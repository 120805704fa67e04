import type { AnswerValue, ScoringArea } from '../../../shared/scoring';
import { matchAnswers, needsNaReason } from '../../../shared/scoring/answers';
import { contract, type ParsedInput } from '../../../shared/contract';
import { itemInstances, type Template, type TemplateItem } from '../../../shared/templates';
import type { Tx } from '../../context';
import { answers } from '../../db/schema';
import { answerId } from '../assessments/answers';
import { pinnedTemplates, scoringAreas, valueProblem } from '../assessments/pinned';
import type { AssessmentView } from '../assessments/read';
import type { Random } from './random';

// Answers for a whole synthetic assessment at once. Each answer passes the same checks
// recordAnswer applies (the contract's schema, the pinned item, its area and its value) before
// it is written, but the rows go in as one batch: a national estate is ~700,000 answers, and one
// service call (and one audit entry) per answer would take many minutes for test data.

export interface SeededAnswer {
  id: string;
  itemId: string;
  areaId: string | null;
  value: AnswerValue;
}

/** An answer to give: its value, and the reason when it is "not applicable". */
export interface Choice {
  value: AnswerValue;
  naReason?: string;
}

type Compliance = Extract<TemplateItem, { response: unknown }>;

/**
 * A compliance answer from the ward's condition (the chance of "yes"). A critical item fails
 * (no, grade D, a number banding to no) only where `failCritical` says so: a critical failure is
 * a red gate, and a believable estate has a minority of wards with one.
 */
export function complianceChoice(random: Random, item: Compliance, condition: number, failCritical: boolean): Choice {
  const roll = random.next();
  let band: 'yes' | 'partial' | 'no' = roll < condition ? 'yes' : roll < condition + (1 - condition) * 0.65 ? 'partial' : 'no';
  if (item.critical) band = failCritical ? 'no' : band === 'no' ? 'partial' : band;
  const response = item.response;
  switch (response.type) {
    case 'grade':
      return { value: band === 'yes' ? random.pick(['A', 'A', 'B'] as const) : band === 'partial' ? 'C' : 'D' };
    case 'yes_no':
      // A yes/no item has no partial: a critical one that must not fail passes.
      return { value: band === 'yes' || (item.critical && !failCritical) ? 'yes' : 'no' };
    case 'yes_partial_no':
      return { value: band };
    case 'number': {
      const { banding, min, max } = response;
      const step = banding.direction === 'higher_is_better' ? -10 : 10;
      const raw = band === 'yes' ? banding.yes : band === 'partial' ? banding.partial : banding.partial + step;
      return { value: Math.min(max, Math.max(min, response.integer ? Math.round(raw) : raw)) };
    }
  }
}

/**
 * Answers every item instance of the assessment with `choose`, validates each as recordAnswer
 * would (the contract's schema, the pinned item, its area, its value, a reason where "not
 * applicable" needs one), and writes them in batches.
 */
export function seedAnswers(
  tx: Tx,
  random: Random,
  assessment: AssessmentView,
  answeredAt: string,
  choose: (template: Template, item: TemplateItem, area: ScoringArea | undefined) => Choice,
): SeededAnswer[] {
  const templates = pinnedTemplates(tx, assessment) as unknown as Record<string, Template>;
  const areas = scoringAreas(assessment);
  const assessorIds = assessment.assessors.map((a) => a.id);
  const written: SeededAnswer[] = [];
  const rows: (typeof answers.$inferInsert)[] = [];
  for (const template of Object.values(templates)) {
    const items = template.items as TemplateItem[];
    const inputs: ParsedInput<'answers.record'>[] = itemInstances(items, areas).map(({ item, areaId }) => {
      const { value, naReason } = choose(template, item, areas.find((a) => a.id === areaId));
      return contract['answers.record'].input.parse({
        assessmentId: assessment.id,
        itemId: item.id,
        areaId,
        value,
        naReason: naReason ?? null,
        note: value === 'no' || value === 'D' ? 'Reported to estates on the day' : null,
        assessorId: random.pick(assessorIds),
      });
    });
    const candidates = inputs.map((a) => ({ itemId: a.itemId, areaId: a.areaId, value: a.value }));
    const matched = matchAnswers(items, areas, candidates, (i, v) => valueProblem(template, i, v));
    if (matched.issues.length > 0) throw new Error(`Seed produced an answer the service would refuse: ${matched.issues[0]!.message}`);
    const unexplained = inputs.find((a) => a.value === 'na' && !a.naReason && needsNaReason(items.find((i) => i.id === a.itemId)!));
    if (unexplained) throw new Error(`Seed produced "not applicable" without a reason for ${unexplained.itemId}`);
    for (const input of inputs) {
      const id = answerId(input.assessmentId, input.itemId, input.areaId);
      rows.push({
        id,
        assessmentId: input.assessmentId,
        itemId: input.itemId,
        areaId: input.areaId,
        value: JSON.stringify(input.value),
        naReason: input.value === 'na' ? input.naReason : null,
        note: input.note,
        assessorId: input.assessorId,
        answeredAt,
      });
      written.push({ id, itemId: input.itemId, areaId: input.areaId, value: input.value });
    }
  }
  // 9 columns a row: 500 rows stay well inside SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) tx.insert(answers).values(rows.slice(i, i + 500)).run();
  return written;
}
