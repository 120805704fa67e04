import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, canonicalJsonOfParsedInPieces, sameJson } from '../../../src/shared/canonical-json';

// Canonical JSON is what template content hashes (and later exchange digests) are taken over.

describe('canonicalJson', () => {
  it('sorts object keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('sorts keys by UTF-16 code units, so upper case comes before lower case and digits first', () => {
    expect(canonicalJson({ b: 0, B: 0, '1': 0, é: 0, a: 0 })).toBe('{"1":0,"B":0,"a":0,"b":0,"é":0}');
  });

  it('writes numbers in their shortest round-trip form and -0 as 0', () => {
    expect(canonicalJson([1.5, 100, 1e21, 0.1 + 0.2, -0])).toBe('[1.5,100,1e+21,0.30000000000000004,0]');
  });

  it('escapes strings as JSON.stringify does', () => {
    expect(canonicalJson('line\nquote" \u2028')).toBe(JSON.stringify('line\nquote" \u2028'));
  });

  it('leaves out object properties whose value is undefined', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it.each([
    ['NaN', [Number.NaN], '$[0]'],
    ['Infinity', { x: Number.POSITIVE_INFINITY }, '$.x'],
    ['undefined in an array', [1, undefined], '$[1]'],
    ['a Date', { when: new Date(0) }, '$.when'],
    ['a Map', new Map(), '$'],
    ['a bigint', { n: 1n }, '$.n'],
    ['a function', { f: () => 1 }, '$.f'],
  ])('refuses %s, naming where it is', (_label, value, path) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(value)).toThrow(`at ${path}`);
  });

  it('refuses a circular structure but accepts the same object twice side by side', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => canonicalJson(loop)).toThrow('Circular reference');
  });

  it('gives the same text whatever order keys were inserted in, and parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reparsed: unknown = JSON.parse(text);
        expect(canonicalJson(reparsed)).toBe(text);
        expect(canonicalJson(reversedKeys(value))).toBe(text);
      }),
    );
  });
});

/** canonicalJsonOfParsedInPieces, its pieces joined. */
function canonicalJsonOfParsed(value: unknown): string {
  const pieces: string[] = [];
  canonicalJsonOfParsedInPieces(value, (piece) => pieces.push(piece));
  return pieces.join('');
}

describe('canonicalJsonOfParsedInPieces', () => {
  it('gives canonicalJson of what a text parses to, in pieces, whether or not the text had its keys in order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJsonOfParsed(JSON.parse(text))).toBe(text);
        expect(canonicalJsonOfParsed(JSON.parse(JSON.stringify(reversedKeys(value))))).toBe(text);
      }),
    );
  });

  it('hands a document out member by member, each element of a top-level array on its own', () => {
    const pieces: string[] = [];
    canonicalJsonOfParsedInPieces(JSON.parse('{"a":[{"x":1},{"y":[2,3]}],"b":{"c":"d"},"e":null}'), (piece) => pieces.push(piece));
    expect(pieces).toEqual(['{', '"a":', '[', '{"x":1}', ',', '{"y":[2,3]}', ']', ',"b":', '{', '"c":', '"d"', '}', ',"e":', 'null', '}']);
  });

  it('writes a record holding a long list member by member and the list in runs, so no piece holds a whole assessment', () => {
    const answers = Array.from({ length: 1000 }, (_, i) => ({ id: `a${i}`, value: i % 3 === 0 ? 'yes' : i, note: null }));
    const document = { areas: [{ id: 'x', name: 'Bedroom 1' }], assessments: [{ answers, id: 'one', scores: { rating: 'green' } }, { answers: [], id: 'two' }], board: { id: 'b' } };
    const text = canonicalJson(document);
    const pieces: string[] = [];
    canonicalJsonOfParsedInPieces(JSON.parse(text), (piece) => pieces.push(piece));
    expect(pieces.join('')).toBe(text);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(JSON.stringify(answers).length / 4);
  });

  it('sorts integer-like keys as text (JSON.stringify alone would put 9 before 10) and refuses numbers a double cannot hold', () => {
    expect(canonicalJsonOfParsed(JSON.parse('{"9":1,"10":2,"a":3}'))).toBe('{"10":2,"9":1,"a":3}');
    expect(() => canonicalJsonOfParsed(JSON.parse('{"x":[1e400]}'))).toThrow('Non-finite number Infinity at $.x[0]');
  });
});

describe('sameJson', () => {
  it('agrees with comparing canonical texts, for equal values, reordered keys and different values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameJson(a, reversedKeys(a))).toBe(true);
        expect(sameJson(reversedKeys(b), b)).toBe(true);
      }),
    );
  });

  it('ignores undefined properties as canonical JSON does, but tells a value from nothing', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({ x: { y: [1, { z: 'a' }] } }, { x: { y: [1, { z: 'b' }] } })).toBe(false);
    expect(sameJson(undefined, null)).toBe(false);
  });
});

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).reverse();
    return Object.fromEntries(entries.map(([k, v]) => [k, reversedKeys(v)]));
  }
  return value;
}
