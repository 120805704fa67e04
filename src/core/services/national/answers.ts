import type { AnswerValue } from '../../../shared/scoring';
import { matchAnswers } from '../../../shared/scoring/answers';
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

type Compliance = Extract<TemplateItem, { response: unknown }>;

function complianceValue(random: Random, item: Compliance, condition: number): AnswerValue {
  const roll = random.next();
  const band = roll < condition ? 'yes' : roll < condition + (1 - condition) * 0.65 ? 'partial' : 'no';
  const response = item.response;
  switch (response.type) {
    case 'grade':
      return band === 'yes' ? random.pick(['A', 'A', 'B'] as const) : band === 'partial' ? 'C' : 'D';
    case 'yes_no':
      return band === 'yes' ? 'yes' : 'no';
    case 'yes_partial_no':
      return band;
    case 'number': {
      const { banding, min, max } = response;
      const step = banding.direction === 'higher_is_better' ? -10 : 10;
      const raw = band === 'yes' ? banding.yes : band === 'partial' ? banding.partial : banding.partial + step;
      return Math.min(max, Math.max(min, response.integer ? Math.round(raw) : raw));
    }
  }
}

/** Chooses a value for every item instance of the assessment, validates each, and writes them. */
export function seedAnswers(tx: Tx, random: Random, assessment: AssessmentView, condition: number, answeredAt: string): SeededAnswer[] {
  const templates = pinnedTemplates(tx, assessment) as unknown as Record<string, Template>;
  const areas = scoringAreas(assessment);
  const assessorIds = assessment.assessors.map((a) => a.id);
  const written: SeededAnswer[] = [];
  const rows: (typeof answers.$inferInsert)[] = [];
  for (const template of Object.values(templates)) {
    const items = template.items as TemplateItem[];
    const inputs: ParsedInput<'answers.record'>[] = itemInstances(items, areas).map(({ item, areaId }) => {
      const area = areas.find((a) => a.id === areaId);
      const value: AnswerValue =
        template.domain === 'ligature'
          ? random.chance((1 - condition) * (area?.supervisionTier === 3 ? 0.5 : 0.25))
            ? 'risk_present'
            : 'no_risk'
          : complianceValue(random, item as Compliance, condition);
      return contract['answers.record'].input.parse({
        assessmentId: assessment.id,
        itemId: item.id,
        areaId,
        value,
        note: value === 'no' || value === 'D' ? 'Reported to estates on the day' : null,
        assessorId: random.pick(assessorIds),
      });
    });
    const candidates = inputs.map((a) => ({ itemId: a.itemId, areaId: a.areaId, value: a.value }));
    const matched = matchAnswers(items, areas, candidates, (i, v) => valueProblem(template, i, v));
    if (matched.issues.length > 0) throw new Error(`Seed produced an answer the service would refuse: ${matched.issues[0]!.message}`);
    for (const input of inputs) {
      const id = answerId(input.assessmentId, input.itemId, input.areaId);
      rows.push({
        id,
        assessmentId: input.assessmentId,
        itemId: input.itemId,
        areaId: input.areaId,
        value: JSON.stringify(input.value),
        naReason: null,
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
