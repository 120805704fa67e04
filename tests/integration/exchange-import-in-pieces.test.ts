import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/core/context';
import { exchangeDigest } from '../../src/core/services/exchange/digest';
import { importAssessmentByAssessment, importWholeReturn } from '../../src/core/services/exchange/import-return';
import { serialiseReturn } from '../../src/shared/exchange';
import { AppError } from '../../src/core/errors';
import { createTestCore, type TestCore } from '../helpers/core';
import { assessWard, sampleBoard } from '../helpers/exchange';

// exchange.import reads a return as this app writes it one assessment at a time, writing as it
// goes inside its one transaction, and reads anything else whole (import-return.ts). These hold
// the two ways to one result: the same rows in the same order, the same refusals, and a refusal
// met after rows were written leaves the store exactly as it was.

type Mutable = Record<string, unknown>;

let good: Mutable;
let goodText: string;
let other: Mutable;

beforeAll(() => {
  const source = createTestCore();
  const { wards } = sampleBoard(source);
  // A second round of one ward, so the return carries re-checks and a third assessment.
  assessWard(source, wards[0]!.id, 1, '2027/28', '2027-11-20', '2027-11-21T16:30:00.000Z');
  const board = source.call('boards.list', {})[0]!;
  good = source.call('exchange.export', { boardId: board.id }) as unknown as Mutable;
  goodText = serialiseReturn(good);
  source.close();
  const otherCore = createTestCore();
  const { board: otherBoard } = sampleBoard(otherCore, 'NHS Other Board');
  other = otherCore.call('exchange.export', { boardId: otherBoard.id }) as unknown as Mutable;
  otherCore.close();
});

/** Every row of every table, sqlite_sequence included, in rowid order: "the database exactly". */
function rowsOf(core: TestCore): string {
  const sqlite = core.store.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const rows = Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT rowid AS "(rowid)", * FROM "${t}" ORDER BY rowid`).raw().all()]));
  return JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value));
}

/** Rows written so far on the connection, including any rolled back since. */
const changesOf = (core: TestCore) => core.store.sqlite.prepare('SELECT total_changes()').pluck().get() as number;

/** The service context the router would give, on the test core's fixed clock. */
const ctxOf = (core: TestCore): ServiceContext => ({ db: core.store.db, actor: 'test assessor', now: () => new Date('2026-11-23T10:00:00.000Z'), newId: randomUUID });

/** A deep copy of `from`, changed by `change`, with its digest recomputed unless told not to, written as the app writes it. */
function altered(change: (doc: Mutable) => void, options: { keepDigest?: boolean; from?: Mutable } = {}): string {
  const doc = structuredClone(options.from ?? good);
  change(doc);
  if (!options.keepDigest) doc['digest'] = exchangeDigest(doc);
  return serialiseReturn(doc);
}

const assessmentsOf = (doc: Mutable) => doc['assessments'] as Mutable[];
const lastOf = (doc: Mutable) => assessmentsOf(doc)[assessmentsOf(doc).length - 1]!;

/** The outcome of an import the way a door shows it: the report, or the refusal's code and message. */
function outcome(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('importing a return one assessment at a time', () => {
  it('takes a return as this app writes it that way, writing the same rows in the same order as reading it whole', () => {
    const inPieces = createTestCore();
    const whole = createTestCore();
    const input = { fileName: 'board.json', content: goodText };
    const report = importAssessmentByAssessment(ctxOf(inPieces), input);
    expect(report).toMatchObject({ status: 'imported', assessmentsAdded: 3 });
    expect(report).toEqual(importWholeReturn(ctxOf(whole), input));
    expect(rowsOf(inPieces)).toEqual(rowsOf(whole));
    // The same file again changes nothing, either way.
    expect(importAssessmentByAssessment(ctxOf(inPieces), input)).toEqual(importWholeReturn(ctxOf(whole), input));
    expect(importAssessmentByAssessment(ctxOf(inPieces), input)).toMatchObject({ status: 'already_imported' });
    expect(rowsOf(inPieces)).toEqual(rowsOf(whole));
    inPieces.close();
    whole.close();
  });

  it('leaves a return laid out otherwise, or with keys out of order, to the whole-file import, which takes it as before', () => {
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reversed(member)]));
    };
    for (const content of [JSON.stringify(good), JSON.stringify(good, null, 4), goodText.trimEnd(), goodText.replace(/\n/g, '\r\n'), `${JSON.stringify(reversed(good), null, 2)}\n`]) {
      const collator = createTestCore();
      const whole = createTestCore();
      const before = rowsOf(collator);
      expect(importAssessmentByAssessment(ctxOf(collator), { fileName: 'board.json', content })).toBeNull();
      expect(rowsOf(collator)).toEqual(before);
      const report = collator.call('exchange.import', { fileName: 'board.json', content });
      expect(report).toMatchObject({ status: 'imported', assessmentsAdded: 3 });
      expect(report).toEqual(importWholeReturn(ctxOf(whole), { fileName: 'board.json', content }));
      expect(rowsOf(collator)).toEqual(rowsOf(whole));
      collator.close();
      whole.close();
    }
  });

  describe('rolls back what it wrote when a check fails after assessments were written, and refuses as it always has', () => {
    const cases: [string, () => string, RegExp][] = [
      [
        'a score declared wrongly in the last assessment',
        () => altered((d) => (((lastOf(d)['scores'] as Mutable)['result'] as Mutable)['quality'] as Mutable)['rating'] = 'red'),
        /^last\.json: the scores declared for .* do not follow from its answers: scores\.quality\.rating: declared "red"/,
      ],
      [
        'the last assessment changed after export (found by the digest, after every assessment was read)',
        () => altered((d) => (lastOf(d)['announced'] = !lastOf(d)['announced']), { keepDigest: true }),
        /^last\.json: digest does not match its content \(file altered after export\)$/,
      ],
      [
        'a digest that is not this content\'s',
        () => altered((d) => (d['digest'] = '0'.repeat(64)), { keepDigest: true }),
        /^last\.json: digest does not match its content \(file altered after export\)$/,
      ],
      [
        'an id in the last assessment already used here by another board\'s record',
        () =>
          altered((d) => {
            const last = lastOf(d);
            const taken = (assessmentsOf(other)[0]!['actions'] as Mutable[])[0]!['id'] as string;
            const own = (last['actions'] as Mutable[])[0]!['id'] as string;
            Object.assign(last, JSON.parse(JSON.stringify(last).replaceAll(own, taken)));
          }),
        /^last\.json: action [0-9a-f-]+ is already here, in the assessment of .*nothing from it was written\.$/,
      ],
    ];

    it.each(cases)('%s', (_what, content, refusal) => {
      const collator = createTestCore();
      collator.call('exchange.import', { fileName: 'other.json', content: serialiseReturn(other) });
      const text = content();
      const before = rowsOf(collator);
      const changes = changesOf(collator);
      expect(importAssessmentByAssessment(ctxOf(collator), { fileName: 'last.json', content: text })).toBeNull();
      // Rows were written before the fault was met (the register, earlier assessments), and none is left.
      expect(changesOf(collator)).toBeGreaterThan(changes + 50);
      expect(rowsOf(collator)).toEqual(before);
      const result = collator.raw('exchange.import', { fileName: 'last.json', content: text });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.message).toMatch(refusal);
      expect(result).toEqual({ ok: false, error: expect.objectContaining(outcome(() => importWholeReturn(ctxOf(collator), { fileName: 'last.json', content: text })) as object) });
      expect(rowsOf(collator)).toEqual(before);
      collator.close();
    });
  });

  it('refuses a bad file as before while another connection holds the write lock past the wait, and says LOCKED for a good one', () => {
    const collator = createTestCore({ busyTimeoutMs: 200 });
    const holder = new Database(collator.file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const before = rowsOf(collator);
      const bad = altered((d) => (((lastOf(d)['scores'] as Mutable)['result'] as Mutable)['quality'] as Mutable)['rating'] = 'red');
      const refused = collator.raw('exchange.import', { fileName: 'bad.json', content: bad });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^bad\.json: the scores declared for .* do not follow from its answers/) } });
      expect(collator.raw('exchange.import', { fileName: 'good.json', content: goodText })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      expect(rowsOf(collator)).toEqual(before);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(collator.call('exchange.import', { fileName: 'good.json', content: goodText })).toMatchObject({ status: 'imported', assessmentsAdded: 3 });
    collator.close();
  });

  it('accepts and refuses exactly what the whole-file import does, whatever is changed in a return', () => {
    // Every place in the return where a value stands, and changes a forger or a damaged file could make there.
    const places: (string | number)[][] = [];
    const collect = (value: unknown, path: (string | number)[]) => {
      places.push(path);
      if (Array.isArray(value)) value.forEach((member, index) => collect(member, [...path, index]));
      else if (value !== null && typeof value === 'object') for (const [key, member] of Object.entries(value)) collect(member, [...path, key]);
    };
    collect(good, []);
    const change = fc.constantFrom<(value: unknown) => unknown>(
      (v) => (typeof v === 'number' ? v + 1 : v === null ? 1 : typeof v === 'boolean' ? !v : typeof v === 'string' ? `${v}x` : null),
      (v) => (typeof v === 'string' ? v.slice(0, -1) : undefined),
      (v) => (Array.isArray(v) && v.length > 0 ? [...v, v[0]] : v),
      (v) => (Array.isArray(v) ? v.slice(1) : undefined),
      () => '__proto__',
    );
    const inPieces = createTestCore();
    const whole = createTestCore();
    for (const core of [inPieces, whole]) core.call('exchange.import', { fileName: 'other.json', content: serialiseReturn(other) });
    fc.assert(
      fc.property(fc.constantFrom(...places.filter((p) => p.length > 0)), change, fc.boolean(), (path, changeOf, keepDigest) => {
        const content = altered(
          (doc) => {
            const parent = path.slice(0, -1).reduce<Mutable>((node, step) => node[step] as Mutable, doc);
            const key = path[path.length - 1]!;
            const next = changeOf(parent[key]);
            if (next === '__proto__' && !Array.isArray(parent)) {
              // An own member named "__proto__", as JSON.parse makes from a file, not the prototype.
              Object.defineProperty(parent, '__proto__', { value: parent[key], enumerable: true, writable: true, configurable: true });
              delete parent[key];
            } else if (next === undefined && Array.isArray(parent)) parent.splice(key as number, 1);
            else if (next === undefined) delete parent[key];
            else parent[key] = next;
          },
          { keepDigest },
        );
        const input = { fileName: 'changed.json', content };
        const result = inPieces.raw('exchange.import', input);
        const expected = outcome(() => importWholeReturn(ctxOf(whole), input)) as { ok?: unknown; code?: string; message?: string };
        if ('ok' in expected) expect(result).toEqual({ ok: true, data: expected.ok });
        else expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: expected.code, message: expected.message }) });
      }),
      { numRuns: 100 },
    );
    expect(rowsOf(inPieces)).toEqual(rowsOf(whole));
    inPieces.close();
    whole.close();
  });
});
