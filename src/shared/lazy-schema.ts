import { z } from 'zod';

// Cold start (issue 13): the web door's bundle declares about a thousand zod schemas, and building
// them all while the bundle loaded was a fifth of its start, though a start and a first answer use
// a handful. So every schema declared at a module's top level is written `lazySchema(() => …)`:
// built the first time something parses with it, once, and that same schema used from then on. It
// is a real zod schema (z.lazy), so z.array(X), X.optional(), z.infer, forms and JSON Schema work
// as before; X.unwrap() gives the built schema where its shape is needed (.extend, .pick, .omit).
// A parse through it costs nothing measurable over the schema itself (200,000 elements: the same).
// A test loads the web door's bundle and counts the zod schemas built: none.

/** A schema built on its first use (see above); `build` runs at most once. */
export function lazySchema<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  let schema: T | undefined;
  return z.lazy(() => (schema ??= build()));
}
