import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, type Operation } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { findBrokenText } from '../../src/shared/text';
import { startAssessment } from '../helpers/assessments';
import { createTestCore, makeWard, type TestCore } from '../helpers/core';
import { HEAVY_TEST_MS } from '../helpers/budgets';

// Hostile input through the router: thousands of mutated inputs for every operation, starting
// from valid ones. Nothing may throw or surface as INTERNAL, every refusal must say what is wrong
// (and where, for VALIDATION), and a refused call must leave the database exactly as it was.

const RUNS_PER_OPERATION = 100;
const REFUSALS = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'ALREADY_EXISTS'];

type Ids = Record<string, string>;

/** A valid input for each operation (given the fixture's ids); operations added later start from {}. */
function validSample(operation: Operation, ids: Ids): Record<string, unknown> {
  const point = { areaId: ids.bedroom, itemId: 'L01', element: 'Door closer', heightBand: 'above_head', tier: 3, description: 'Overhead closer', controls: [{ kind: 'electronic_detection', description: 'Door-top alarm' }], likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 2, severityAfter: 5, assessorId: ids.assessor };
  const action = { type: 'replace', description: 'Fit a concealed closer', owner: 'Estates', dueDate: '2027-01-31', priority: 'high', status: 'open' };
  const samples: Partial<Record<Operation, Record<string, unknown>>> = {
    'audit.list': { entityId: ids.ward, limit: 5 },
    'boards.create': { name: 'NHS Fuzz', code: 'S08000099' },
    'boards.get': { id: ids.board },
    'boards.rename': { id: ids.board, name: 'NHS Fuzz Renamed' },
    'boards.remove': { id: ids.board },
    'sites.create': { boardId: ids.board, name: 'Fuzz Site', eamsSiteCode: 'F-1' },
    'sites.list': { boardId: ids.board },
    'sites.get': { id: ids.site },
    'sites.rename': { id: ids.site, name: 'Fuzz Site Renamed' },
    'sites.remove': { id: ids.site },
    'wards.create': { siteId: ids.site, name: 'Fuzz Ward', type: 'camhs', bedCount: 9, sexDesignation: 'mixed', block: 'East', eamsBlockCode: 'E1' },
    'wards.list': { siteId: ids.site },
    'wards.get': { id: ids.ward },
    'wards.update': { id: ids.ward, name: 'Fuzz Ward', type: 'camhs', bedCount: 10, sexDesignation: 'female' },
    'wards.remove': { id: ids.ward },
    'areas.create': { wardId: ids.ward, type: 'garden', name: 'Garden', supervisionTier: 3, tierOverrideReason: 'Unsupervised at night' },
    'areas.list': { wardId: ids.ward },
    'areas.update': { id: ids.area, type: 'garden', name: 'Courtyard', supervisionTier: 2 },
    'areas.remove': { id: ids.area },
    'estate.path': { wardId: ids.ward },
    'templates.get': { key: 'safety@2026.1' },
    'templates.install': { fileName: 'safety.json', content: '{"not":"a template"}' },
    'templates.setCurrent': { key: 'safety@2026.1' },
    'templates.diff': { fromKey: 'safety@2026.1', toKey: 'safety@2026.1' },
    'assessments.start': { wardId: ids.ward, assessedOn: '2026-11-23', round: '2026/27', announced: false, assessors: [{ name: 'Ailsa Grant', role: 'estates' }] },
    'assessments.get': { id: ids.assessment },
    'assessments.listForWard': { wardId: ids.ward },
    'assessments.score': { id: ids.assessment },
    'answers.record': { assessmentId: ids.assessment, itemId: 'Q01', areaId: null, value: 'B', note: 'Roof patched', assessorId: ids.assessor },
    'answers.list': { assessmentId: ids.assessment },
    'ligaturePoints.create': { assessmentId: ids.assessment, ...point },
    'ligaturePoints.list': { assessmentId: ids.assessment },
    'ligaturePoints.update': { id: ids.point, ...point },
    'actions.create': { assessmentId: ids.assessment, ligaturePointId: ids.point, ...action },
    'actions.list': { assessmentId: ids.assessment },
    'actions.update': { id: ids.action, ...action },
    'backups.restore': { name: 'backup-00001-20261123-100000-manual.sqlite' },
    'handouts.exportRegister': { boardId: ids.board, wardId: ids.ward },
    'handouts.exportAssessment': { assessmentId: ids.assessment, includePhotos: false },
    'handouts.import': { fileName: 'handout.json', content: '{"format":"mhea-handout","formatVersion":1}', into: ids.assessment },
    'merge.conflicts': { assessmentId: ids.assessment },
    'merge.resolve': { assessmentId: ids.assessment, kind: 'answer', recordId: `${ids.assessment}:Q01:ward`, keep: 'restore' },
    'merge.renameArea': { assessmentId: ids.assessment, areaId: ids.area, name: 'Bedroom 1A' },
    'merge.combineAreas': { assessmentId: ids.assessment, keepAreaId: ids.area, removeAreaId: ids.area },
    'merge.status': { assessmentId: ids.assessment },
    'assignments.set': { assessmentId: ids.assessment, areaIds: [ids.area], assessorId: ids.assessor },
    'device.rename': { name: 'Ward tablet' },
    'backups.list': { verify: true },
    'signing.createKey': { boardId: ids.board, replace: true },
    'signing.exportPublicKey': { boardId: ids.board },
    'signing.registerKey': { fileName: 'key.json', content: ids.publicKeyFile },
    'signing.removeKey': { keyId: ids.keyId },
    'signing.setUnsignedReturns': { policy: 'refuse' },
  };
  return samples[operation] ?? {};
}

const deep = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: [inner] }), 'bottom');

/** A hostile value: wrong types, extremes, unicode, prototype keys, deep nesting. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, Number.MAX_SAFE_INTEGER + 2, 2.5, '', ' ', '\u0000', '💥'.repeat(50), '../../etc/passwd', "'; DROP TABLE boards; --", '__proto__', 'constructor'),
  // Half of a two-part character, alone or beside good text: never stored, always refused.
  fc.constantFrom('\ud800', 'NHS \udfff', 'Ward \ud83d', '\ude00 Lounge', ['ok', '\udbff'], { nested: 'x\ud800' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constant('x'.repeat(100_000)),
  fc.constant(deep(2_000)),
  fc.constant([]),
  fc.constant({}),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown),
  fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }),
);

/** A mutation of a valid input: one field changed or removed, a hostile key added, or a wholly hostile input. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  const options: fc.Arbitrary<unknown>[] = [
    hostileValue,
    fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'extra', 'héllo', ''), hostileValue).map(([key, value]) => {
      // defineProperty, so "__proto__" becomes an own key (as JSON.parse makes it), not the prototype.
      const copy = { ...base };
      Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    }),
  ];
  if (keys.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...keys), hostileValue).map(([key, value]) => ({ ...base, [key]: value })),
      fc.constantFrom(...keys).map((key) => {
        const copy = { ...base };
        delete copy[key];
        return copy;
      }),
    );
  }
  return fc.oneof(...options);
}

function setup(): { core: TestCore; ids: Ids } {
  const core = createTestCore();
  const { board, site, ward } = makeWard(core);
  const area = core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  const assessment = startAssessment(core, ward.id);
  const ids: Ids = { board: board.id, site: site.id, ward: ward.id, area: area.id, assessment: assessment.id, assessor: assessment.assessors[0]!.id, bedroom: area.id };
  const point = core.call('ligaturePoints.create', { assessmentId: assessment.id, areaId: area.id, itemId: 'L01', element: 'Door closer', heightBand: 'above_head', tier: 3, description: 'Overhead closer', controls: [{ kind: 'electronic_detection', description: 'Door-top alarm' }], likelihoodBefore: 4, severityBefore: 5, likelihoodAfter: 2, severityAfter: 5, assessorId: assessment.assessors[0]!.id });
  ids.point = point.id;
  ids.action = core.call('actions.create', { assessmentId: assessment.id, ligaturePointId: point.id, type: 'replace', description: 'Fit a concealed closer', owner: 'Estates', priority: 'high', status: 'open' }).id;
  // A signing key and its public key file, registered, so the signing operations have real input.
  core.call('signing.createKey', { boardId: board.id });
  ids.publicKeyFile = core.call('signing.exportPublicKey', { boardId: board.id }).content;
  ids.keyId = core.call('signing.registerKey', { fileName: 'key.json', content: ids.publicKeyFile }).keyId;
  return { core, ids };
}

/** Rows in every table: a refused call must leave this unchanged. */
function rowCounts(core: TestCore): string {
  const tables = core.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return tables.map((t) => `${t.name}=${(core.store.sqlite.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n}`).join(',');
}

describe('hostile input through the router', () => {
  it(`refuses ${RUNS_PER_OPERATION} mutated inputs per operation cleanly, with messages, and a refusal writes nothing`, async () => {
    const { core, ids } = setup();
    const internals: string[] = [];
    const checked = new Set<string>();
    const timings: string[] = [];
    for (const operation of OPERATIONS) {
      const base = validSample(operation, ids);
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(mutated(base), async (input) => {
          const before = rowCounts(core);
          let result: Result<unknown>;
          try {
            result = await core.dispatch(operation, input);
          } catch (error) {
            throw new Error(`${operation} threw ${String(error)} for ${safeShow(input)}`, { cause: error });
          }
          // Half a character anywhere in the input is refused at the router, naming where.
          const broken = findBrokenText(input);
          if (broken && (result.ok || result.error.code !== 'VALIDATION' || !/contains a broken character/.test(result.error.message))) {
            throw new Error(`${operation}: accepted or mis-refused a broken character at ${broken.join('.')}: ${safeShow(result)}`);
          }
          if (result.ok) return;
          // Checked by hand rather than with expect(), so the input is only printed on a failure.
          const fail = (why: string) => {
            throw new Error(`${operation}: ${why} for ${safeShow(input)}`);
          };
          const { code, message, fields } = result.error;
          if (code === 'INTERNAL') internals.push(`${operation}: ${safeShow(input)}`);
          if (!REFUSALS.includes(code)) fail(`unexpected ${code} (${message})`);
          if (message.trim().length === 0) fail('a refusal without a message');
          if (code === 'VALIDATION') {
            if (!fields || fields.length === 0) fail('VALIDATION without fields');
            // An object input's refusal names a field: by its path, or in words for a rule across fields.
            const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
            const named = fields!.some((f) => f.path.length > 0) || Object.keys(base).some((key) => message.includes(key));
            if (isObject && !named) fail(`no field named (${message})`);
          }
          if (rowCounts(core) !== before) fail('a refused call changed the database');
          checked.add(operation);
        }),
        // Operations without fields (list everything, make a backup) have little to mutate.
        { numRuns: Object.keys(base).length === 0 ? 25 : RUNS_PER_OPERATION, seed: 20261123 },
      );
      timings.push(`${operation} ${Math.round(performance.now() - started)}ms`);
    }
    if (process.env.FUZZ_TIMINGS) console.log(timings.join('\n'));
    expect(internals).toEqual([]);
    // Every operation with input fields was really refused at least once (the mutations bite).
    expect([...checked].length).toBeGreaterThan(OPERATIONS.length - 8);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(core.store.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    core.close();
  }, HEAVY_TEST_MS);

  it('refuses operations that do not exist, whatever their name', () => {
    const { core } = setup();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'boards.list ', 'BOARDS.LIST')), (name) => {
        fc.pre(!(OPERATIONS as string[]).includes(name));
        const result = core.raw(name, {});
        expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
      }),
      { numRuns: 300 },
    );
    core.close();
  });
});

function safeShow(input: unknown): string {
  try {
    const text = JSON.stringify(input) ?? String(input);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return Object.prototype.toString.call(input);
  }
}
