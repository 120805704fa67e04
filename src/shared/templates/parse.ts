import type { z } from 'zod';
import { Template } from './schema';

// Template files are written by people. When one is wrong the message must say where in words the
// author uses — the file, the item's id and the field — not "items[6].weight".

export class TemplateValidationError extends Error {
  constructor(
    readonly sourceName: string,
    readonly problems: string[],
  ) {
    super(problems.join('\n'));
    this.name = 'TemplateValidationError';
  }
}

export type TemplateParseResult = { ok: true; template: Template } | { ok: false; problems: string[] };

export function safeParseTemplate(json: unknown, sourceName: string): TemplateParseResult {
  const parsed = Template.safeParse(json);
  if (parsed.success) return { ok: true, template: parsed.data };
  const problems = parsed.error.issues.flatMap(expandUnion).map((issue) => describeIssue(issue, json, sourceName));
  return { ok: false, problems };
}

/** The typed template, or a TemplateValidationError listing every problem (one per line). */
export function parseTemplate(json: unknown, sourceName: string): Template {
  const result = safeParseTemplate(json, sourceName);
  if (!result.ok) throw new TemplateValidationError(sourceName, result.problems);
  return result.template;
}

/**
 * A failed union ("all" or a list of area types) says only "invalid input". When one branch got
 * further into the value than the others, its own problems are the useful ones: report those.
 */
function expandUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const depth = (branch: z.core.$ZodIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
  const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
  if (!best || depth(best) === 0) return [issue];
  return best.flatMap((inner) => expandUnion({ ...inner, path: [...issue.path, ...inner.path] }));
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown, sourceName: string): string {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const where = describeLocation(path, json);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (path[0] === 'items' && isRecord(json) && json['domain'] === 'ligature') {
      message += ' (ligature prompts carry no response, weight or critical flag: they are rated from the register)';
    }
  }
  return where ? `${sourceName}: ${where}: ${message}` : `${sourceName}: ${message}`;
}

/** "item S07 → response.banding.yes", "section fire → title", "ragThresholds → green". */
function describeLocation(path: (string | number)[], json: unknown): string {
  const [head, index, ...rest] = path;
  if ((head === 'items' || head === 'sections') && typeof index === 'number') {
    const noun = head === 'items' ? 'item' : 'section';
    const name = `${noun} ${labelFor(json, head, index, noun)}`;
    return rest.length > 0 ? `${name} → ${dotted(rest)}` : name;
  }
  if (path.length === 0) return '';
  if (path.length === 1) return dotted(path);
  return `${String(head)} → ${dotted(path.slice(1))}`;
}

function labelFor(json: unknown, list: 'items' | 'sections', index: number, noun: string): string {
  const entries = isRecord(json) ? json[list] : undefined;
  const entry: unknown = Array.isArray(entries) ? entries[index] : undefined;
  const id = isRecord(entry) ? entry['id'] : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id : `#${index + 1} (${noun} has no id)`;
}

function dotted(path: (string | number)[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
