import type { AnswerValue, PinnedTemplates, ScoringArea } from '../../../shared/scoring';
import { complianceValueProblem, promptValueProblem } from '../../../shared/scoring';
import type { Template, TemplateItem } from '../../../shared/templates';
import type { DbOrTx } from '../../context';
import { preparedFor, statement } from '../../db/prepared';
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

/** The installed version `key`, whose stored content hash is `hash`, parsed once per process. */
function templateWithHash(tx: DbOrTx, key: string, hash: string): Template {
  let template = parsedTemplates.get(hash);
  if (!template) {
    template = getTemplate(tx, key);
    parsedTemplates.set(hash, template);
  }
  return template;
}

export function pinnedTemplate(tx: DbOrTx, key: string): Template {
  const hash = statement(tx, 'SELECT content_hash FROM templates WHERE key = ?', 'values').get(key) as string | undefined;
  if (hash === undefined) throw notFound('template version', key);
  return templateWithHash(tx, key, hash);
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

/**
 * The templates an assessment pinned, found by its id alone: for a path that needs them without
 * the rest of the assessment (saving an answer). An assessment's pins are written once, with the
 * assessment, and never changed or removed, so they are read once per connection (a restored
 * backup or another file is another connection). Only a committed assessment is looked up here.
 */
export function pinnedTemplatesOf(tx: DbOrTx, assessmentId: string): PinnedTemplates {
  const known = preparedFor(tx, 'pinned-templates-by-assessment', () => new Map<string, PinnedTemplates>());
  let templates = known.get(assessmentId);
  if (!templates) {
    const pins = statement(
      tx,
      'SELECT p.domain, p.template_key, t.content_hash FROM assessment_templates p JOIN templates t ON t.key = p.template_key WHERE p.assessment_id = ?',
      'arrays',
    ).all(assessmentId) as [string, string, string][];
    const byDomain: Record<string, Template> = {};
    for (const [domain, key, hash] of pins) byDomain[domain] = templateWithHash(tx, key, hash);
    templates = { quality: byDomain.quality, safety: byDomain.safety, ligature: byDomain.ligature, therapeutic: byDomain.therapeutic } as PinnedTemplates;
    known.set(assessmentId, templates);
  }
  return templates;
}

// Each template's items by id (the first item with an id, as a search of the list finds it), made
// once per parsed template: templates never change.
const itemsById = new WeakMap<Template, Map<string, TemplateItem>>();

function itemOf(template: Template, itemId: string): TemplateItem | undefined {
  let byId = itemsById.get(template);
  if (!byId) {
    byId = new Map();
    for (const item of template.items as TemplateItem[]) if (!byId.has(item.id)) byId.set(item.id, item);
    itemsById.set(template, byId);
  }
  return byId.get(itemId);
}

/** The item with this id in any of the assessment's pinned templates (the first domain that has it). */
export function findPinnedItem(templates: PinnedTemplates, itemId: string): { template: Template; item: TemplateItem } | null {
  for (const template of [templates.quality, templates.safety, templates.ligature, templates.therapeutic] as Template[]) {
    const item = itemOf(template, itemId);
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
