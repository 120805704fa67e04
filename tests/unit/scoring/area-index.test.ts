import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idSketch, indexAreas, type ScoringArea } from '../../../src/shared/scoring';

// The engine finds each answer's area through a short list picked by a few of the id's
// characters (cheaper than hashing every answer's id in full); it must find exactly what a Map of
// the ids finds, whatever the ids look like.

const area = (id: string): ScoringArea => ({ id, name: `Room ${id}`, type: 'bedroom', supervisionTier: 2 });

/** Ids that share length and sketch, differing only where the sketch does not look. */
const lookAlikes = ['ab-x-cd-yz', 'ab-y-cd-yz', 'ab-z-cd-yz', 'ab-xx-d-yz'];

describe('finding an answer’s area', () => {
  it('finds exactly the entry a Map of the ids finds, for any ids and any asked-for id', () => {
    const id = fc.oneof(fc.string({ maxLength: 12 }), fc.uuid(), fc.constantFrom('', ...lookAlikes), fc.string({ unit: 'grapheme', maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 30 }), fc.array(id, { maxLength: 30 }), (ids, others) => {
        const index = indexAreas(ids.map(area));
        for (const asked of [...ids, ...others, ...ids.map((i) => `${i} `), ...ids.map((i) => i.toUpperCase())]) {
          expect(index.find(asked)).toBe(index.byId.get(asked));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart ids the sketch cannot, and finds an id listed twice at its first slot', () => {
    expect(new Set(lookAlikes.slice(0, 3).map(idSketch)).size).toBe(1);
    const index = indexAreas([...lookAlikes, 'ab-y-cd-yz'].map(area));
    lookAlikes.forEach((id, position) => expect(index.find(id)?.slot).toBe(position + 1));
    expect(index.find('ab-w-cd-yz')).toBeUndefined();
    expect(index.find(fresh('ab-y-cd-yz'))).toBe(index.byId.get('ab-y-cd-yz'));
  });
});

/** The same text as a string made at run time (as an id read from the store is), not a literal. */
function fresh(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
