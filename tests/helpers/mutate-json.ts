import fc from 'fast-check';
import { exchangeDigest } from '../../src/core/services/exchange/digest';

// Mutations of a JSON file for the import fuzzers (returns and hand-out files): a value changed,
// removed or added anywhere in the document, the text cut short, one of the file's ids put in place
// of an id the receiving database holds for another record, or half a character in a string; most
// with the digest recomputed, so the mutation reaches the checks behind the digest.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in the document (arrays sampled, so a large return does not dominate). */
export function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.slice(0, 3).forEach((child, index) => paths(child, [...prefix, index], out));
  else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) paths(child, [...prefix, key], out);
  return out;
}

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
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
  | { kind: 'truncate'; fraction: number }
  // One of the file's ids replaced everywhere by an id the collator already holds for another board's record.
  | { kind: 'reuse'; mine: number; theirs: number }
  // Half of a two-part character put into a string, as a JSON escape or raw in the text.
  | { kind: 'surrogate'; at: number; raw: boolean };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: jsonValue, redigest: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), redigest: fc.boolean() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), key: fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'value'), value: jsonValue, redigest: fc.boolean() }),
  fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
  fc.record({ kind: fc.constant('reuse' as const), mine: fc.nat(), theirs: fc.nat() }),
  fc.record({ kind: fc.constant('surrogate' as const), at: fc.nat(), raw: fc.boolean() }),
);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
export const uuidsIn = (text: string) => [...new Set(text.match(UUID) ?? [])];

export interface Ids {
  mine: string[];
  theirs: string[];
}

export function mutate(original: Json, text: string, all: (string | number)[][], m: Mutation, ids: Ids): string {
  if (m.kind === 'truncate') return text.slice(0, Math.floor(text.length * m.fraction));
  if (m.kind === 'reuse') {
    const doc = JSON.parse(text.replaceAll(ids.mine[m.mine % ids.mine.length]!, ids.theirs[m.theirs % ids.theirs.length]!)) as { [key: string]: Json };
    doc['digest'] = exchangeDigest(doc);
    return JSON.stringify(doc);
  }
  if (m.kind === 'surrogate') {
    // Any string but the digest (recomputed below, which would wipe the half character out).
    const strings = all.filter((path) => path[0] !== 'digest' && typeof path.reduce<Json>((node, key) => (node as Record<string, Json>)[key as string]!, original) === 'string');
    const path = strings[m.at % strings.length]!;
    const doc = structuredClone(original) as { [key: string]: Json };
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key as string]!, doc) as Record<string | number, Json>;
    parent[path.at(-1)!] = `${String(parent[path.at(-1)!])}\ud800`;
    doc['digest'] = exchangeDigest(doc);
    const written = JSON.stringify(doc); // writes the half character as the escape \ud800
    return m.raw ? written.replace('\\ud800', '\ud800') : written;
  }
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

