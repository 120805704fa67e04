import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { ComplianceItem, LigaturePrompt, SectionId } from './item-schema';

// A template is one domain's checklist, one JSON file in resources/checklists. Compliance domains
// (quality, safety, therapeutic) score a weighted percentage; the ligature domain holds prompts
// only and is rated from the ligature register, never as a percentage — so the two are different
// shapes, told apart by `domain`. Parsing changes nothing but trimming text, so a template parsed
// once comes back unchanged when parsed again: start-up relies on that to take a bundled file whose
// content is stored exactly as it is without validating it again (a test holds it).

export const DOMAINS = ['quality', 'safety', 'ligature', 'therapeutic'] as const;
export type Domain = (typeof DOMAINS)[number];
export const COMPLIANCE_DOMAINS = ['quality', 'safety', 'therapeutic'] as const;
export type ComplianceDomain = (typeof COMPLIANCE_DOMAINS)[number];

export const ITEM_PREFIX_BY_DOMAIN: Record<Domain, string> = {
  quality: 'Q',
  safety: 'S',
  ligature: 'L',
  therapeutic: 'T',
};

export const TEMPLATE_STATUSES = ['proposed', 'approved', 'superseded'] as const;

const percent = (what: string) =>
  z
    .number({ error: `must be a whole percentage for ${what}` })
    .int(`must be a whole percentage for ${what}`)
    .min(1, 'must be between 1 and 100')
    .max(100, 'must be between 1 and 100');

const Section = lazySchema(() => z.strictObject({
  id: SectionId,
  title: z.string({ error: 'must be text' }).trim().min(3, 'must be at least 3 characters').max(120),
}));

const header = lazySchema(() => z.object({
  schemaVersion: z.literal(1, { error: 'must be 1 (the only template schema this app reads)' }),
  templateId: z
    .string({ error: 'must be text' })
    .regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_"'),
  version: z.string({ error: 'must be text' }).regex(/^\d{4}\.\d+$/, 'must look like 2026.1 (year.release)'),
  title: z.string({ error: 'must be text' }).trim().min(5).max(160),
  description: z.string({ error: 'must be text' }).trim().min(20).max(2000),
  status: z.enum(TEMPLATE_STATUSES, { error: `must be one of ${TEMPLATE_STATUSES.join(', ')}` }),
  publishedOn: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }),
  /** Below this share of applicable items answered, results are marked incomplete. */
  completenessThreshold: percent('completeness'),
  sections: z.array(Section).min(1, 'must list at least one section'),
}));

export const ComplianceTemplate = lazySchema(() => z.strictObject({
  ...header.unwrap().shape,
  domain: z.enum(COMPLIANCE_DOMAINS),
  ragThresholds: z.strictObject({ green: percent('green'), amber: percent('amber') }),
  items: z.array(ComplianceItem).min(1, 'must list at least one item'),
}));
export type ComplianceTemplate = z.infer<typeof ComplianceTemplate>;

export const LigatureTemplate = lazySchema(() => z.strictObject({
  ...header.unwrap().shape,
  domain: z.literal('ligature'),
  items: z.array(LigaturePrompt).min(1, 'must list at least one prompt'),
}));
export type LigatureTemplate = z.infer<typeof LigatureTemplate>;

type AnyTemplate = ComplianceTemplate | LigatureTemplate;

export const Template = lazySchema(() =>
  z
    .discriminatedUnion('domain', [ComplianceTemplate, LigatureTemplate], {
      error: `must be one of ${DOMAINS.join(', ')}`,
    })
    .superRefine(checkCrossFieldRules),
);
export type Template = z.infer<typeof Template>;
export type TemplateItem = Template['items'][number];

/** Rules that need more than one field: run only once every field has the right shape. */
function checkCrossFieldRules(template: AnyTemplate, ctx: z.RefinementCtx): void {
  if ('ragThresholds' in template && template.ragThresholds.green <= template.ragThresholds.amber) {
    ctx.addIssue({
      code: 'custom',
      path: ['ragThresholds', 'green'],
      message: `must be greater than the amber threshold (${template.ragThresholds.amber})`,
    });
  }

  const sectionIds = new Set<string>();
  template.sections.forEach((section, index) => {
    if (sectionIds.has(section.id)) {
      ctx.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `"${section.id}" is used by two sections` });
    }
    sectionIds.add(section.id);
  });

  const prefix = ITEM_PREFIX_BY_DOMAIN[template.domain];
  const itemIds = new Set<string>();
  const usedSections = new Set<string>();
  template.items.forEach((item, index) => {
    if (itemIds.has(item.id)) {
      ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `"${item.id}" is used by two items` });
    }
    itemIds.add(item.id);
    if (!item.id.startsWith(prefix)) {
      ctx.addIssue({
        code: 'custom',
        path: ['items', index, 'id'],
        message: `must start with ${prefix} in the ${template.domain} template`,
      });
    }
    if (!sectionIds.has(item.sectionId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['items', index, 'sectionId'],
        message: `"${item.sectionId}" is not one of this template's sections`,
      });
    }
    usedSections.add(item.sectionId);
  });

  template.sections.forEach((section, index) => {
    if (!usedSections.has(section.id)) {
      ctx.addIssue({ code: 'custom', path: ['sections', index], message: `section "${section.id}" has no items` });
    }
  });
}
