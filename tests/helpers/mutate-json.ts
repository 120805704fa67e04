import fc from 'fast-check';
import { exchangeDigest } from '../../src/core/services/exchange/digest';

// Mutations of a JSON file for the import fuzzers: a value changed, removed or added anywhere in
// the document, or the text cut short; half of them with the digest recomputed, so the mutation
// reaches the checks behind the digest.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in the document (arrays sampled, so a large return does not dominate). */
export function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.slice(0, 3).forEach((child, index) => paths(child, [...prefix, index], out));
  else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) paths(child, [...prefix, key], out);
  return out;
}

const plainValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 300 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', 'yes', 'na', 'red', 'signed_off', '2026-11-20', '00000000-0000-4000-8000-000000000000', '__proto__', 'x'.repeat(3000)),
  fc.string({ maxLength: 20 }),
  fc.constant([] as Json[]),
  fc.constant({} as Json),
);

export type Mutation =
  | { kind: 'set'; at: number; value: Json; redigest: boolean }
  | { kind: 'delete'; at: number; redigest: boolean }
  | { kind: 'insert'; at: number; key: string; value: Json; redigest: boolean }
  | { kind: 'truncate'; fraction: number };

/** Mutations; `reused` are values taken from the file itself (ids of other records…), for mix-ups. */
export function mutationOf(reused: readonly Json[] = []): fc.Arbitrary<Mutation> {
  const jsonValue = reused.length > 0 ? fc.oneof(plainValue, fc.constantFrom(...reused)) : plainValue;
  return fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: jsonValue, redigest: fc.boolean() }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), redigest: fc.boolean() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), key: fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'value'), value: jsonValue, redigest: fc.boolean() }),
    fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
  );
}

export function mutate(original: Json, text: string, all: (string | number)[][], m: Mutation): string {
  if (m.kind === 'truncate') return text.slice(0, Math.floor(text.length * m.fraction));
  const doc = structuredClone(original) as { [key: string]: Json };
  const path = all[m.at % all.length]!;
  if (path.length === 0) return m.kind === 'set' ? JSON.stringify(m.value) : text;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key as string]!, doc) as Record<string | number, Json> | Json[];
  const last = path.at(-1)!;
  if (m.kind === 'set') (parent as Record<string | number, Json>)[last] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = (parent as Record<string | number, Json>)[last];
    if (Array.isArray(target)) target.push(m.value);
    else if (target !== null && typeof target === 'object') Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    else (parent as Record<string | number, Json>)[last] = { [m.key]: m.value };
  }
  if (m.redigest) doc['digest'] = exchangeDigest(doc);
  return JSON.stringify(doc);
}

