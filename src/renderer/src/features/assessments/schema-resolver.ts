import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/** Nests zod issues into react-hook-form errors; `rename` moves a path (e.g. an array's own rule to "controls.root"). */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix: string[] = [], rename: Record<string, string> = {}): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const raw = [...prefix, ...issue.path.map(String)].join('.');
    const path = (rename[raw] ?? raw).split('.');
    let node: Record<string, unknown> = errors;
    for (const part of path.slice(0, -1)) {
      node[part] = (node[part] as Record<string, unknown> | undefined) ?? {};
      node = node[part] as Record<string, unknown>;
    }
    const last = path[path.length - 1] ?? 'root';
    if (!node[last]) node[last] = { type: issue.code, message: issue.message };
  }
  return errors;
}

/**
 * A resolver from a function that parses the form's values with the services' own schemas and
 * returns either the parsed result or the zod issues (already nested with issuesToErrors).
 */
export function parsingResolver<T extends FieldValues, Parsed>(
  parse: (values: T) => { ok: true; value: Parsed } | { ok: false; errors: Record<string, unknown> },
): Resolver<T, unknown, Parsed> {
  return (values) => {
    const result = parse(values);
    if (result.ok) return { values: result.value, errors: {} };
    return { values: {}, errors: result.errors as FieldErrors<T> };
  };
}

/** "" from an empty optional text box means "not given". */
export function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
