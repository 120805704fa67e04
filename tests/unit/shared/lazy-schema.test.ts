import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../../src/shared/lazy-schema';

// Cold start: schemas are declared with lazySchema and built on first use (src/shared/lazy-schema.ts).

describe('a schema built on first use', () => {
  it('is not built when declared, is built once on its first parse, and is the same schema from then on', () => {
    let builds = 0;
    const Ward = lazySchema(() => {
      builds += 1;
      return z.object({ name: z.string().trim().min(1, 'Enter the ward name'), bedCount: z.number().int() });
    });
    expect(builds).toBe(0);

    expect(Ward.parse({ name: ' Ward 1 ', bedCount: 12 })).toEqual({ name: 'Ward 1', bedCount: 12 });
    expect(Ward.safeParse({ name: '', bedCount: 1.5 }).error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['name'], 'Enter the ward name'],
      [['bedCount'], 'Invalid input: expected int, received number'],
    ]);
    expect(builds).toBe(1);
    // Its shape, for .extend/.pick/.omit, is that same built schema's.
    expect(Ward.unwrap()).toBe(Ward.unwrap());
    expect(Ward.unwrap().extend({ id: z.string() }).parse({ id: 'w', name: 'Ward 2', bedCount: 3 })).toEqual({ id: 'w', name: 'Ward 2', bedCount: 3 });
    expect(builds).toBe(1);
  });

  it('composes as the schema it builds: in arrays, optional and nullable, and as a discriminated union option', () => {
    const Point = lazySchema(() => z.object({ kind: z.literal('point'), height: z.enum(['low', 'high']) }));
    const Note = lazySchema(() => z.object({ kind: z.literal('note'), text: z.string() }));
    const Entry = z.discriminatedUnion('kind', [Point, Note]);
    const Register = z.object({ entries: z.array(Entry), first: Point.optional(), last: Note.nullable() });

    expect(Register.parse({ entries: [{ kind: 'note', text: 'n' }, { kind: 'point', height: 'low' }], last: null })).toEqual({
      entries: [{ kind: 'note', text: 'n' }, { kind: 'point', height: 'low' }],
      last: null,
    });
    expect(Register.safeParse({ entries: [{ kind: 'point', height: 'mid' }], last: null }).error?.issues[0]?.path).toEqual(['entries', 0, 'height']);
    expect(Register.safeParse({ entries: [{ kind: 'other' }], last: null }).error?.issues[0]?.code).toBe('invalid_union');
  });
});
