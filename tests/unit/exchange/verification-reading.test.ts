import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseUntrustedJson } from '../../../src/core/services/exchange/safe-json';
import { canonicalJson, inCanonicalOrder } from '../../../src/shared/canonical-json';
import { ExchangeAssessment } from '../../../src/shared/exchange/schema';

// Verification reads a return once: the untrusted-JSON reader also finds whether the file is in
// canonical order (so the digest can be taken without a second walk), and each assessment is
// checked by its schema and then kept as read (so the file is not held twice). Both shortcuts are
// only sound while these hold.

/** The same JSON with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reversedKeys((value as Record<string, unknown>)[key])]));
}

const canonicalOrderOf = (text: string) => {
  const read = parseUntrustedJson(text);
  if (!read.ok) throw new Error(read.problem);
  return read.canonicalOrder;
};

describe('reading an untrusted JSON text', () => {
  it('finds the text in canonical order exactly when the digest walk would', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        for (const text of [canonicalJson(value), JSON.stringify(reversedKeys(value)), JSON.stringify(value, null, 2)]) {
          const read = parseUntrustedJson(text);
          // A forbidden key refuses the text before any digest is taken.
          if (read.ok) expect(read.canonicalOrder).toBe(inCanonicalOrder(JSON.parse(text)));
        }
      }),
    );
  });

  it('does not take keys out of order, integer-like keys JSON.parse moves first, or a number too large for a double as canonical', () => {
    expect(canonicalOrderOf('{"a":1,"b":{"c":[{"d":2,"e":3}]}}')).toBe(true);
    expect(canonicalOrderOf('{"a":1,"b":{"c":[{"e":3,"d":2}]}}')).toBe(false);
    expect(canonicalOrderOf('{"a":{"9":1,"10":2}}')).toBe(false);
    expect(canonicalOrderOf('{"a":[1,2,1e400]}')).toBe(false);
    expect(canonicalOrderOf('{"a":{"b":-1e400}}')).toBe(false);
    expect(canonicalOrderOf('1e400')).toBe(false);
    expect(canonicalOrderOf('"text"')).toBe(true);
  });
});

describe('refusing an untrusted JSON text', () => {
  const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it.each([
    ['{"a":{"__proto__":1},"b":{"constructor":2}}', 'contains the forbidden key "constructor" at $.b'],
    ['[{"x":[{"prototype":1}]},{"y":{"constructor":1}}]', 'contains the forbidden key "constructor" at $[1].y'],
    ['{"a":1,"constructor":{"__proto__":2}}', 'contains the forbidden key "constructor" at $'],
    [nested(40), `nests deeper than 32 levels at $${'.a'.repeat(32)}`],
    [`{"z":${nested(40)},"b":{"__proto__":1}}`, 'contains the forbidden key "__proto__" at $.b'],
    [`[${nested(33)},{"q":{"constructor":1}}]`, 'contains the forbidden key "constructor" at $[1].q'],
  ])('names the first problem met, walking the last child first: %s', (text, problem) => {
    expect(parseUntrustedJson(text)).toEqual({ ok: false, problem });
  });

  it('stops at the depth limit however deep the text nests', () => {
    expect(parseUntrustedJson(nested(100_000))).toMatchObject({ ok: false, problem: expect.stringMatching(/^nests deeper than 32 levels at /) });
  });
});

/** Where, inside `schema`, a value it accepts could come out changed (a transform, a default, a trim…). */
function changesIn(schema: z.core.$ZodType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string; checks?: { _zod: { def: { check: string } } }[] };
  const changing = (def.checks ?? []).filter((check) => check._zod.def.check === 'overwrite').map(() => `${path}: a check that rewrites the value`);
  const inner = (child: unknown, at: string) => changesIn(child as z.core.$ZodType, at, seen);
  switch (def.type) {
    case 'transform':
    case 'pipe':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'success':
    case 'readonly':
    case 'promise':
      return [...changing, `${path}: ${def.type}`];
    case 'object':
      return [
        ...changing,
        ...Object.entries(def['shape'] as Record<string, unknown>).flatMap(([key, child]) => inner(child, `${path}.${key}`)),
        ...(def['catchall'] ? inner(def['catchall'], `${path}.*`) : []),
      ];
    case 'array':
      return [...changing, ...inner(def['element'], `${path}[]`)];
    case 'optional':
    case 'nullable':
    case 'nonoptional':
      return [...changing, ...inner(def['innerType'], path)];
    // A schema built on first use (src/shared/lazy-schema.ts) gives back what the schema it builds gives.
    case 'lazy':
      return [...changing, ...inner((schema as z.core.$ZodLazy)._zod.innerType, path)];
    case 'union':
      return [...changing, ...(def['options'] as unknown[]).flatMap((option, i) => inner(option, `${path}|${i}`))];
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
    case 'never':
    case 'unknown':
    case 'custom':
      return changing;
    default:
      return [...changing, `${path}: ${def.type} (not known to leave values as they are)`];
  }
}

describe('the exchange assessment schema', () => {
  it('gives back what it accepts unchanged, except in photos, so verification can keep each assessment as read', () => {
    const shape = ExchangeAssessment.unwrap().shape;
    const { photos: _photos, ...rest } = shape;
    expect(Object.entries(rest).flatMap(([key, child]) => changesIn(child, key))).toEqual([]);
    // Photos' mark-up trims its labels: an assessment with photos keeps the schema's output.
    expect(changesIn(shape.photos, 'photos')).toContain('photos[].markup[]|2.text: a check that rewrites the value');
  });
});
