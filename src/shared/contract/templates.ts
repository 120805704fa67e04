import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { DOMAINS, Template } from '../templates/schema';
import type { ContractSlice } from './types';

export const TemplateKey = lazySchema(() => z.string().regex(/^[a-z][a-z0-9_-]*@\d{4}\.\d+$/, 'Must be a template key such as safety@2026.1'));

export const TemplateSummary = lazySchema(() => z.object({
  key: TemplateKey,
  templateId: z.string(),
  domain: z.enum(DOMAINS),
  version: z.string(),
  title: z.string(),
  status: z.string(),
  itemCount: z.number().int(),
  contentHash: z.string(),
  source: z.string(),
  installedAt: z.string(),
  installedBy: z.string(),
  isCurrent: z.boolean(),
  /** How many assessments score against this exact version. */
  assessmentsPinned: z.number().int(),
}));

export const TemplateDiffSchema = lazySchema(() => z.object({
  templateId: z.string(),
  fromVersion: z.string(),
  toVersion: z.string(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  reworded: z.array(z.object({ itemId: z.string(), fields: z.array(z.string()) })),
  reweighted: z.array(
    z.object({
      itemId: z.string(),
      from: z.object({ weight: z.number(), critical: z.boolean() }),
      to: z.object({ weight: z.number(), critical: z.boolean() }),
    }),
  ),
  rescoped: z.array(z.object({ itemId: z.string(), fields: z.array(z.string()) })),
  thresholdsChanged: z.boolean(),
  comparable: z.boolean(),
}));

export const TemplateInstalled = lazySchema(() => z.object({
  template: TemplateSummary,
  /** The same version with the same content was already installed: nothing changed. */
  alreadyInstalled: z.boolean(),
  /** The version that was current for this domain before, and what changed against it. */
  previous: TemplateSummary.nullable(),
  diff: TemplateDiffSchema.nullable(),
}));

/** The file's text as the user picked it; shared by preview and install. */
const TemplateFile = lazySchema(() => z.object({
  fileName: z.string().trim().min(1).max(200),
  content: z.string().min(2).max(2_000_000, 'A template file must be under 2 MB'),
}));

/**
 * What installing a file would do, worked out without writing anything: either every problem
 * (named by item and field), or the version it holds and what changed against the current one.
 */
export const TemplatePreview = lazySchema(() => z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(false), fileName: z.string(), problems: z.array(z.string()).min(1) }),
  z.object({
    valid: z.literal(true),
    fileName: z.string(),
    ...TemplateSummary.unwrap().pick({ key: true, templateId: true, domain: true, version: true, title: true, status: true, itemCount: true, contentHash: true }).shape,
    /** The same version with the same content is installed already: installing changes nothing. */
    alreadyInstalled: z.boolean(),
    /** Why installing would be refused although the file is valid (e.g. same version, other content). */
    refusal: z.string().nullable(),
    /** The domain's current version, and what the file changes against it (null if none to compare). */
    current: TemplateSummary.nullable(),
    diff: TemplateDiffSchema.nullable(),
  }),
]));

/** Checklist templates: versioned, hashed, never changed once installed. */
export const templatesContract = {
  'templates.list': () => ({ input: z.object({}).strict(), output: z.array(TemplateSummary) }),
  'templates.get': () => ({ input: z.object({ key: TemplateKey }), output: Template }),
  /**
   * Installs a template version from a file's text (the app reads the file the user picked).
   * A broken file is refused with every problem named by item and field.
   */
  'templates.install': () => ({
    input: z.object({ ...TemplateFile.unwrap().shape, makeCurrent: z.boolean().default(true) }),
    output: TemplateInstalled,
  }),
  /** Validates a file and says what installing it would change, writing nothing. */
  'templates.preview': () => ({ input: TemplateFile, output: TemplatePreview }),
  /** New assessments use this version from now on; started ones keep theirs. */
  'templates.setCurrent': () => ({ input: z.object({ key: TemplateKey }), output: TemplateSummary }),
  'templates.diff': () => ({ input: z.object({ fromKey: TemplateKey, toKey: TemplateKey }), output: TemplateDiffSchema }),
} satisfies ContractSlice;
