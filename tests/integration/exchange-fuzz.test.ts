import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeDigest } from '../../src/core/services/exchange/digest';
import { serialiseReturn } from '../../src/shared/exchange';
import { createTestCore } from '../helpers/core';
import { assessWard, dumpStore, sampleBoard } from '../helpers/exchange';

// Mutated returns thrown at import: values changed, removed or added anywhere in the document,
// or the text cut short; half of them with the digest recomputed, so the mutation reaches the
// checks behind the digest. Whatever happens, nothing may escape as an exception or an internal
// error, every refusal must say what is wrong, and a refused file must leave the store as it was.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in the document (arrays sampled, so a large return does not dominate). */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
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

type Mutation =
  | { kind: 'set'; at: number; value: Json; redigest: boolean }
  | { kind: 'delete'; at: number; redigest: boolean }
  | { kind: 'insert'; at: number; key: string; value: Json; redigest: boolean }
  | { kind: 'truncate'; fraction: number }
  // One of the file's ids replaced everywhere by an id the collator already holds for another board's record.
  | { kind: 'reuse'; mine: number; theirs: number }
  // Half of a two-part character put into a string, as a JSON escape or raw in the text.
  | { kind: 'surrogate'; at: number; raw: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: jsonValue, redigest: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), redigest: fc.boolean() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), key: fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'value'), value: jsonValue, redigest: fc.boolean() }),
  fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
  fc.record({ kind: fc.constant('reuse' as const), mine: fc.nat(), theirs: fc.nat() }),
  fc.record({ kind: fc.constant('surrogate' as const), at: fc.nat(), raw: fc.boolean() }),
);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const uuidsIn = (text: string) => [...new Set(text.match(UUID) ?? [])];

interface Ids {
  mine: string[];
  theirs: string[];
}

function apply(original: Json, text: string, all: (string | number)[][], m: Mutation, ids: Ids): string {
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

/** A board's register and assessments as they stand (ids, names, parents), to compare. */
function dumpBoard(core: ReturnType<typeof createTestCore>, boardId: string): string {
  const rows = core.store.sqlite
    .prepare(
      `SELECT s.id, s.name, s.board_id, w.id, w.name, w.site_id, a.id, a.name, a.ward_id FROM sites s
       LEFT JOIN wards w ON w.site_id = s.id LEFT JOIN areas a ON a.ward_id = w.id WHERE s.board_id = ? ORDER BY s.id, w.id, a.id`,
    )
    .raw()
    .all(boardId);
  const assessments = core.store.sqlite.prepare('SELECT a.id, a.ward_id, (SELECT count(*) FROM ligature_points p WHERE p.assessment_id = a.id) FROM assessments a JOIN wards w ON w.id = a.ward_id JOIN sites s ON s.id = w.site_id WHERE s.board_id = ? ORDER BY a.id').raw().all(boardId);
  return JSON.stringify([rows, assessments]);
}

describe('import under fuzzing', () => {
  it('never throws, always explains a refusal, and never writes on a refusal', { timeout: 60_000 }, () => {
    const source = createTestCore();
    const board = source.call('boards.create', { name: 'NHS Fuzz' });
    const site = source.call('sites.create', { boardId: board.id, name: 'Fuzz Site' });
    const ward = source.call('wards.create', { siteId: site.id, name: 'Fuzz Ward', type: 'rehabilitation', bedCount: 10, sexDesignation: 'mixed' });
    source.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    assessWard(source, ward.id);
    const original = source.call('exchange.export', { boardId: board.id }) as unknown as Json;
    const text = serialiseReturn(original);
    const all = paths(original);

    // Another board's return is already here: no fuzzed file may move or rename its records.
    const other = createTestCore();
    const { board: otherBoard } = sampleBoard(other, 'NHS Fuzz Neighbour');
    const otherText = serialiseReturn(other.call('exchange.export', { boardId: otherBoard.id }));
    other.close();
    const ids: Ids = { mine: uuidsIn(text), theirs: uuidsIn(otherText) };

    const collator = createTestCore();
    collator.call('exchange.import', { fileName: 'other.json', content: otherText });
    const neighbour = () => dumpBoard(collator, otherBoard.id);
    const neighbourBefore = neighbour();
    collator.call('exchange.import', { fileName: 'fuzz.json', content: text });
    let baseline = dumpStore(collator);
    const writes = () => (collator.store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    let writesBefore = writes();
    let runs = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        runs += 1;
        const content = apply(original, text, all, m, ids);
        const result = collator.raw('exchange.import', { fileName: 'fuzzed.json', content });
        expect(neighbour()).toBe(neighbourBefore);
        if (m.kind === 'surrogate') expect(result.ok).toBe(false);
        if (result.ok) {
          // A mutation can leave a valid return (e.g. a renamed site with a fresh digest): then it is imported.
          baseline = dumpStore(collator);
          writesBefore = writes();
          return;
        }
        refused += 1;
        expect(result.error.code).not.toBe('INTERNAL');
        // A raw half character is refused by the router, for the field that carries it, before the file is read.
        expect(result.error.message).toMatch(m.kind === 'surrogate' && m.raw ? /\(content: contains a broken character/ : /^fuzzed\.json: \S.{5,}/);
        // Nothing executed a write on this connection (a cheap, exact test), or else the store's
        // whole content is compared (a write was made and must have been rolled back).
        const changes = writes();
        if (changes !== writesBefore) expect(dumpStore(collator)).toBe(baseline);
        writesBefore = changes;
      }),
      { numRuns: 2_000, interruptAfterTimeLimit: 10_000, markInterruptAsFailure: false, seed: 20261123 },
    );
    expect(runs).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(runs / 2);
    console.log(`exchange fuzz: ${runs} mutated files, ${refused} refused, ${runs - refused} accepted`);
  });
});
