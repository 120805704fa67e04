import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapPacked } from '../../../src/shared/scoring/packed';

// The engine's hot paths build lists with mapPacked instead of Array.prototype.map (for V8's sake,
// see packed.ts): it must give what map gives, each value made from the value and its position.

describe('lists built for the engine', () => {
  it('gives what Array.prototype.map gives, in order, with each position', () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), (list) => {
        const make = (value: unknown, index: number) => ({ value, index });
        expect(mapPacked(list, make)).toStrictEqual(list.map(make));
      }),
    );
  });
});
