import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExchangeDigestInPieces, exchangeDigest, parsedExchangeDigest } from '../../../src/core/services/exchange/digest';
import { canonicalJson, inCanonicalOrder } from '../../../src/shared/canonical-json';
import { serialiseReturn, splitSerialisedReturn } from '../../../src/shared/exchange/serialise';

// Import reads a return as this app writes it one assessment at a time (import-return.ts). That
// is sound only while these hold: the cut text, put back together, is exactly what JSON.parse
// reads from the whole text, for any text at all; and the digest taken piece by piece is the
// digest of the whole document.

/** A return-like document: members before and after "assessments" (some the digest leaves out), assessments as objects. */
const documents = fc
  .record({
    head: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
    assessments: fc.array(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 4 }), { minKeys: 1, maxKeys: 6 }), { maxLength: 5 }),
    digest: fc.option(fc.string(), { nil: undefined }),
    signature: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  })
  .map(({ head, assessments, digest, signature }) => {
    const doc: Record<string, unknown> = { ...head, assessments };
    if (digest !== undefined) doc['digest'] = digest;
    if (signature !== undefined) doc['signature'] = signature;
    return doc;
  })
  .filter((doc) => !['__proto__', 'constructor', 'prototype'].some((key) => Object.keys(doc).includes(key)));

/** What the pieces read back to: the head with each assessment's text parsed into its list; null when a piece does not parse (the import then reads the file whole). */
function readBack(text: string): unknown {
  const split = splitSerialisedReturn(text);
  if (!split) return null;
  try {
    return { ...split.head, assessments: split.assessments.map(([start, end]) => JSON.parse(text.slice(start, end)) as unknown) };
  } catch {
    return null;
  }
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Same value with the same key order (what the digest and every later check see). */
const sameParse = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe('cutting a return into its assessments', () => {
  it('reads back exactly what JSON.parse reads from a return as serialiseReturn writes it', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const text = serialiseReturn(doc);
        const read = readBack(text);
        // Only an empty assessment ({}, written on one line) cannot be cut; a real one never is.
        if (read === null) expect((doc['assessments'] as object[]).some((a) => Object.keys(a).length === 0)).toBe(true);
        else sameParse(read, JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never reads back anything but what JSON.parse reads, however the text is changed', () => {
    const alphabet = ['\n', ' ', '{', '}', '[', ']', ',', '"', ':', '\\', 'a', '1', '\n    {', '\n    }', '\n  ]', '\n  "assessments": [', '"x": 1,'];
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(3), insert: fc.constantFrom(...alphabet, '') });
    fc.assert(
      fc.property(documents, fc.array(edit, { minLength: 1, maxLength: 3 }), (doc, edits) => {
        let text = serialiseReturn(doc);
        for (const { at, remove, insert } of edits) {
          // Half of the edits land next to a line break, where the cut looks.
          const breaks = [...text.matchAll(/\n/g)].map((m) => m.index);
          const position = at < 0.5 && breaks.length > 0 ? breaks[Math.floor(at * 2 * breaks.length)]! + (remove % 2) : Math.floor(at * text.length);
          text = text.slice(0, position) + insert + text.slice(position + remove);
        }
        const read = readBack(text);
        if (read !== null) sameParse(read, parsedOrNull(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('never reads back anything but what JSON.parse reads from a text another writer laid out, with "assessments" lists at other depths', () => {
    const keys = fc.constantFrom('areas', 'assessments', 'board', 'x');
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.array(tie('object'), { maxLength: 3 }), tie('object')),
      object: fc.dictionary(keys, tie('value'), { maxKeys: 3 }),
    }));
    const layouts = fc.constantFrom<(doc: unknown) => string>(
      (doc) => `${JSON.stringify(doc, null, 1)}\n`,
      (doc) => `${JSON.stringify(doc, null, 2)}\n`,
      (doc) => `${JSON.stringify(doc, null, 2)}`,
      (doc) => `${JSON.stringify(doc, null, '\t')}\n`,
      (doc) => `${JSON.stringify(doc, null, 4)}\n`,
      (doc) => `${JSON.stringify(doc)}\n`,
    );
    fc.assert(
      fc.property(fc.dictionary(keys, value, { maxKeys: 4 }), fc.array(fc.dictionary(keys, value, { minKeys: 1, maxKeys: 3 }), { maxLength: 3 }), layouts, (head, assessments, layout) => {
        const text = layout({ ...head, assessments, ...(head['x'] !== undefined ? { x: head['x'] } : {}) });
        const read = readBack(text);
        if (read !== null) sameParse(read, parsedOrNull(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not cut a text laid out otherwise: compact, other indentation, no final line break, Windows line ends', () => {
    const doc = { areas: [{ id: 'a' }], assessments: [{ id: 'x', answers: [1, 2] }, { id: 'y', answers: [] }], board: { name: 'B' }, digest: 'd' };
    const text = serialiseReturn(doc);
    expect(readBack(text)).not.toBeNull();
    for (const other of [JSON.stringify(doc), JSON.stringify(doc, null, 4), text.trimEnd(), text.replace(/\n/g, '\r\n')]) {
      expect(splitSerialisedReturn(other)).toBeNull();
    }
  });

  it('does not take an "assessments" list below the top level, or a second one, for the document\'s', () => {
    const nested = `${JSON.stringify({ areas: [], board: { assessments: [{ a: 1 }] } }, null, 2)}\n`;
    expect(splitSerialisedReturn(nested)).toBeNull();
    const twice = serialiseReturn({ areas: [], assessments: [{ a: 1 }], board: 'b' }).replace('"board": "b"', '"board": "b",\n  "assessments": []');
    expect(parsedOrNull(twice)).not.toBeNull();
    expect(splitSerialisedReturn(twice)).toBeNull();
  });
});

describe('the digest of a return read one assessment at a time', () => {
  it('is the digest of the whole document, leaving out its digest and signature', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const parsed = JSON.parse(canonicalJson(doc)) as Record<string, unknown>;
        fc.pre(inCanonicalOrder(parsed));
        const inPieces = new ExchangeDigestInPieces({ ...parsed, assessments: [] });
        for (const assessment of parsed['assessments'] as unknown[]) inPieces.add(assessment);
        const digest = inPieces.hex();
        expect(digest).toBe(exchangeDigest(doc));
        expect(digest).toBe(parsedExchangeDigest(parsed, true));
      }),
      { numRuns: 300 },
    );
  });
});
