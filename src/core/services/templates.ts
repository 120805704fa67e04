import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { canonicalJson } from '../../shared/canonical-json';
import type { ParsedInput } from '../../shared/contract';
import { diffTemplates, safeParseTemplate, type Domain, type Template } from '../../shared/templates';
import type { DbOrTx, ServiceContext } from '../context';
import { currentTemplates, templates } from '../db/schema';
import { AppError, notFound } from '../errors';
import { recordAudit } from './audit';
import { statement } from '../db/prepared';
import { writeTransaction } from '../db/transactions';

// Template versions are stored whole, with the SHA-256 of their canonical JSON, and never changed.
// "Current" only decides what new assessments pin; a started assessment keeps its versions.

export function templateKey(template: Pick<Template, 'templateId' | 'version'>): string {
  return `${template.templateId}@${template.version}`;
}

export function contentHash(template: Template): string {
  return hashOfContent(template);
}

/** SHA-256 of any JSON value's canonical text: for a template, its content hash. */
function hashOfContent(json: unknown): string {
  return createHash('sha256').update(canonicalJson(json), 'utf8').digest('hex');
}

const summaryColumns = {
  key: templates.key,
  templateId: templates.templateId,
  domain: sql<Domain>`${templates.domain}`,
  version: templates.version,
  title: templates.title,
  content: templates.content,
  contentHash: templates.contentHash,
  source: templates.source,
  installedAt: templates.installedAt,
  installedBy: templates.installedBy,
  isCurrent: sql<number>`EXISTS (SELECT 1 FROM current_templates c WHERE c.template_key = templates.key)`,
  assessmentsPinned: sql<number>`(SELECT count(*) FROM assessment_templates p WHERE p.template_key = templates.key)`,
};

interface SummaryRow {
  key: string;
  templateId: string;
  domain: Domain;
  version: string;
  title: string;
  content: string;
  contentHash: string;
  source: string;
  installedAt: string;
  installedBy: string;
  isCurrent: number;
  assessmentsPinned: number;
}

function toSummary(row: SummaryRow) {
  const { content, isCurrent, ...rest } = row;
  const template = JSON.parse(content) as Template;
  return { ...rest, status: template.status, itemCount: template.items.length, isCurrent: Boolean(isCurrent) };
}

export function listTemplates(tx: DbOrTx) {
  return tx
    .select(summaryColumns)
    .from(templates)
    .orderBy(templates.domain, sql`${templates.installedAt} DESC`, sql`${templates.version} DESC`)
    .all()
    .map(toSummary);
}

function summaryOf(tx: DbOrTx, key: string) {
  const row = tx.select(summaryColumns).from(templates).where(eq(templates.key, key)).get();
  if (!row) throw notFound('template version', key);
  return toSummary(row);
}

/** The stored template, exactly as it was installed. */
export function getTemplate(tx: DbOrTx, key: string): Template {
  const content = statement(tx, 'SELECT content FROM templates WHERE key = ?', 'values').get(key) as string | undefined;
  if (content === undefined) throw notFound('template version', key);
  return JSON.parse(content) as Template;
}

export function currentTemplateKey(tx: DbOrTx, domain: Domain): string | null {
  return tx.select().from(currentTemplates).where(eq(currentTemplates.domain, domain)).get()?.templateKey ?? null;
}

function changedTwinMessage(source: string, template: Template): string {
  return (
    `${source}: version ${template.version} of "${template.templateId}" is already installed with different content. ` +
    'An installed version never changes (old assessments score against it): give the changed file a new version number.'
  );
}

/** Stores a validated template unless that exact version is there; refuses a changed twin. */
export function storeTemplate(tx: DbOrTx, ctx: ServiceContext, template: Template, source: string): { key: string; alreadyInstalled: boolean } {
  const key = templateKey(template);
  const hash = contentHash(template);
  const existing = tx.select({ contentHash: templates.contentHash }).from(templates).where(eq(templates.key, key)).get();
  if (existing) {
    if (existing.contentHash === hash) return { key, alreadyInstalled: true };
    throw new AppError('CONFLICT', changedTwinMessage(source, template));
  }
  const row = {
    key,
    templateId: template.templateId,
    domain: template.domain,
    version: template.version,
    title: template.title,
    contentHash: hash,
    content: canonicalJson(template),
    source,
    installedAt: ctx.now().toISOString(),
    installedBy: ctx.actor,
  };
  tx.insert(templates).values(row).run();
  recordAudit(tx, ctx, 'create', 'template', key, null, { key, contentHash: hash, source });
  return { key, alreadyInstalled: false };
}

function makeCurrent(tx: DbOrTx, ctx: ServiceContext, domain: Domain, key: string): void {
  const before = currentTemplateKey(tx, domain);
  if (before === key) return;
  const row = { domain, templateKey: key, setAt: ctx.now().toISOString(), setBy: ctx.actor };
  tx.insert(currentTemplates).values(row).onConflictDoUpdate({ target: currentTemplates.domain, set: row }).run();
  recordAudit(tx, ctx, before ? 'update' : 'create', 'current_template', domain, before ? { templateKey: before } : null, { templateKey: key });
}

type TemplateFile = { fileName: string; content: string };
type FileReading = { ok: true; template: Template } | { ok: false; problems: string[] };

/** A file's text as a template, or every problem with it (named by file, item and field). */
function readTemplateFile({ fileName, content }: TemplateFile): FileReading {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { ok: false, problems: [`${fileName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = safeParseTemplate(json, fileName);
  return parsed.ok ? { ok: true, template: parsed.template } : { ok: false, problems: parsed.problems };
}

export function installTemplate(ctx: ServiceContext, input: ParsedInput<'templates.install'>) {
  const reading = readTemplateFile(input);
  if (!reading.ok) {
    const [first] = reading.problems;
    const notJson = reading.problems.length === 1 && first !== undefined && first.startsWith(`${input.fileName} is not valid JSON`);
    throw new AppError(
      'VALIDATION',
      notJson ? first : `${input.fileName} is not a valid checklist template:\n${reading.problems.join('\n')}`,
      notJson ? [{ path: ['content'], message: 'The file is not valid JSON' }] : reading.problems.map((message) => ({ path: ['content'], message })),
    );
  }
  const template = reading.template;
  return writeTransaction(ctx.db, (tx) => {
    const previousKey = currentTemplateKey(tx, template.domain);
    const { key, alreadyInstalled } = storeTemplate(tx, ctx, template, input.fileName);
    if (input.makeCurrent) makeCurrent(tx, ctx, template.domain, key);
    const previous = previousKey && previousKey !== key ? getTemplate(tx, previousKey) : null;
    return {
      template: summaryOf(tx, key),
      alreadyInstalled,
      previous: previousKey && previousKey !== key ? summaryOf(tx, previousKey) : null,
      diff: previous && previous.templateId === template.templateId ? diffTemplates(previous, template) : null,
    };
  });
}

/**
 * What `installTemplate` would do with this file, read-only: the user sees the problems, or the
 * changes against the current version, before anything is written.
 */
export function previewTemplate(ctx: ServiceContext, input: ParsedInput<'templates.preview'>) {
  const reading = readTemplateFile(input);
  if (!reading.ok) return { valid: false as const, fileName: input.fileName, problems: reading.problems };
  const template = reading.template;
  const key = templateKey(template);
  const hash = contentHash(template);
  const installed = ctx.db.select({ contentHash: templates.contentHash }).from(templates).where(eq(templates.key, key)).get();
  const currentKey = currentTemplateKey(ctx.db, template.domain);
  const current = currentKey ? summaryOf(ctx.db, currentKey) : null;
  const currentTemplate = currentKey && currentKey !== key ? getTemplate(ctx.db, currentKey) : null;
  return {
    valid: true as const,
    fileName: input.fileName,
    key,
    templateId: template.templateId,
    domain: template.domain,
    version: template.version,
    title: template.title,
    status: template.status,
    itemCount: template.items.length,
    contentHash: hash,
    alreadyInstalled: installed?.contentHash === hash,
    refusal: installed && installed.contentHash !== hash ? changedTwinMessage(input.fileName, template) : null,
    current,
    diff: currentTemplate && currentTemplate.templateId === template.templateId ? diffTemplates(currentTemplate, template) : null,
  };
}

export function setCurrentTemplate(ctx: ServiceContext, input: ParsedInput<'templates.setCurrent'>) {
  return writeTransaction(ctx.db, (tx) => {
    const template = getTemplate(tx, input.key);
    makeCurrent(tx, ctx, template.domain, input.key);
    return summaryOf(tx, input.key);
  });
}

export function diffTemplateVersions(ctx: ServiceContext, input: ParsedInput<'templates.diff'>) {
  const from = getTemplate(ctx.db, input.fromKey);
  const to = getTemplate(ctx.db, input.toKey);
  if (from.templateId !== to.templateId) {
    throw new AppError('VALIDATION', `${input.fromKey} and ${input.toKey} are different checklists; only versions of one checklist can be compared.`);
  }
  return diffTemplates(from, to);
}

/**
 * Installs the app's own templates (resources/checklists) at start-up. A domain with no current
 * version gets the bundled one; a domain whose current version came from a file keeps it.
 * A bundled file that fails validation stops the app: it is a defect of the release, not data.
 */
export function installBundledTemplates(ctx: ServiceContext, checklistsDir: string): void {
  const files = fs.readdirSync(checklistsDir).filter((f) => f.endsWith('.json')).sort();
  const contents = files.map((file) => ({ file, json: JSON.parse(fs.readFileSync(path.join(checklistsDir, file), 'utf8')) as unknown }));
  // Usually every file is installed already, as it is: then start-up neither validates them again
  // (a tenth of the web door's start) nor writes, so it never waits for another process's write lock.
  if (contents.every(({ json }) => storedAsItIs(ctx.db, json))) return;
  const parsed = contents.map(({ file, json }) => {
    const result = safeParseTemplate(json, file);
    if (!result.ok) throw new Error(`The bundled checklist ${file} is invalid:\n${result.problems.join('\n')}`);
    return result.template;
  });
  writeTransaction(ctx.db, (tx) => {
    for (const template of parsed) {
      const { key } = storeTemplate(tx, ctx, template, 'bundled');
      if (!currentTemplateKey(tx, template.domain)) makeCurrent(tx, ctx, template.domain, key);
    }
  });
}

/**
 * Whether a template file's content is stored, exactly, under the key it names, and its domain has a
 * current version. A stored template is the result of a validation, and validating that result
 * again gives it back unchanged (src/shared/templates/schema.ts); so content whose canonical JSON
 * hashes to a stored one would pass, giving that same template. Content that differs in any way is
 * validated.
 */
function storedAsItIs(db: DbOrTx, json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const { templateId, version } = json as Record<string, unknown>;
  if (typeof templateId !== 'string' || typeof version !== 'string') return false;
  const stored = statement(db, STORED_AS_IT_IS).get(templateKey({ templateId, version })) as { contentHash: string; hasCurrent: 0 | 1 } | undefined;
  return stored !== undefined && stored.contentHash === hashOfContent(json) && stored.hasCurrent === 1;
}

const STORED_AS_IT_IS = `SELECT t.content_hash AS contentHash, EXISTS (SELECT 1 FROM current_templates c WHERE c.domain = t.domain) AS hasCurrent
  FROM templates t WHERE t.key = ?`;
