import type { AnswerValue, PinnedTemplates, ScoringArea } from '../../../shared/scoring';
import { complianceValueProblem, promptValueProblem } from '../../../shared/scoring';
import type { Template, TemplateItem } from '../../../shared/templates';
import type { DbOrTx } from '../../context';
import { statement } from '../../db/prepared';
import { notFound } from '../../errors';
import { getTemplate } from '../templates';
import type { AssessmentView } from './read';

// An installed template version never changes, so a parsed copy can be kept for the life of the
// process: recording an answer must not re-parse four checklists every time. The copy is keyed by
// the version's content hash, not just its key, so a process that opens another database (a
// restored backup, a second database in tests) can never score with another file's content. The
// hash is read each time, through a statement prepared once per connection (a few microseconds):
// a key does not fix the content across databases, or across a transaction that was rolled back.
const parsedTemplates = new Map<string, Template>();

export function pinnedTemplate(tx: DbOrTx, key: string): Template {
  const hash = statement(tx, 'SELECT content_hash FROM templates WHERE key = ?', 'values').get(key) as string | undefined;
  if (hash === undefined) throw notFound('template version', key);
  let template = parsedTemplates.get(hash);
  if (!template) {
    template = getTemplate(tx, key);
    parsedTemplates.set(hash, template);
  }
  return template;
}

export function pinnedTemplates(tx: DbOrTx, assessment: AssessmentView): PinnedTemplates {
  const get = (key: string) => pinnedTemplate(tx, key);
  return {
    quality: get(assessment.templates.quality),
    safety: get(assessment.templates.safety),
    ligature: get(assessment.templates.ligature),
    therapeutic: get(assessment.templates.therapeutic),
  } as PinnedTemplates;
}

/** The item with this id in any of the assessment's pinned templates. */
export function findPinnedItem(templates: PinnedTemplates, itemId: string): { template: Template; item: TemplateItem } | null {
  for (const template of Object.values(templates) as Template[]) {
    const item = (template.items as TemplateItem[]).find((i) => i.id === itemId);
    if (item) return { template, item };
  }
  return null;
}

/** Why this value cannot answer this item, or null. */
export function valueProblem(template: Template, item: TemplateItem, value: AnswerValue): string | null {
  return template.domain === 'ligature' ? promptValueProblem(item, value) : complianceValueProblem(item as Parameters<typeof complianceValueProblem>[0], value);
}

export function scoringAreas(assessment: AssessmentView): ScoringArea[] {
  return assessment.areas.map((a) => ({ id: a.areaId, name: a.name, type: a.type as ScoringArea['type'], supervisionTier: a.supervisionTier }));
}
