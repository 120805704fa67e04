import type { z } from 'zod';
import { contract, isOperation, type Operation } from '../shared/contract';
import { fail, ok, type FieldError, type Result } from '../shared/result';
import { findBrokenText } from '../shared/text';
import type { Handlers } from './api';
import type { ServiceContext } from './context';
import { AppError } from './errors';

/**
 * Most operations run synchronously (better-sqlite3 is synchronous) and answer a Result at once;
 * an operation whose service is async (e.g. rendering a PDF after its data was read) answers a
 * Promise of one. Doors simply `await` whatever comes back.
 */
export type Dispatch = (operation: string, input: unknown) => Result<unknown> | Promise<Result<unknown>>;

/**
 * Turns a failure (an AppError, or one underneath a service: full disk, lock…) into the error a
 * person can act on, or null for a bug.
 */
export type ExplainFailure = (error: unknown, operation: string) => AppError | null;

/**
 * The only place input is validated: allow-listed operation → zod parse → service → Result.
 * Never throws; a failure `explain` recognises gets its own code and message, anything else is a
 * bug: an INTERNAL error whose details go to `log`, not to the caller.
 */
export function createRouter(
  ctx: ServiceContext,
  handlers: Handlers,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
  explain: ExplainFailure = () => null,
): Dispatch {
  return (operation, rawInput) => {
    if (typeof operation !== 'string' || !isOperation(operation)) {
      return fail('UNKNOWN_OPERATION', `"${String(operation)}" is not an operation of this app`);
    }
    // Half of a two-part character cannot be stored as text: refused, never replaced.
    const broken = findBrokenText(rawInput);
    if (broken) {
      const where = broken.length > 0 ? broken.join('.') : '(input)';
      return fail('VALIDATION', `Some of the details are not valid (${where}: contains a broken character, half of a two-part Unicode character)`, [
        { path: broken, message: 'Contains a broken character (half of a two-part Unicode character)' },
      ]);
    }
    const spec = contract[operation];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      const first = fields[0];
      const where = first && first.path.length > 0 ? ` (${first.path.join('.')}: ${first.message})` : first ? ` (${first.message})` : '';
      return fail('VALIDATION', `Some of the details are not valid${where}`, fields);
    }
    const failure = (error: unknown): Result<never> => {
      const explained = explain(error, operation) ?? (error instanceof AppError ? error : null);
      if (explained) return fail(explained.code, explained.message, explained.fields);
      log(`Operation ${operation} failed`, error);
      return fail('INTERNAL', `Something went wrong while running ${operation}; nothing was changed. The details are in the app's log.`);
    };
    try {
      const handler = handlers[operation] as (c: ServiceContext, i: unknown) => unknown;
      const output = handler(ctx, parsed.data);
      return output instanceof Promise ? output.then(ok, failure) : ok(output);
    } catch (error) {
      return failure(error);
    }
  };
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // An unknown key is a field too: name each one, so the caller sees which to drop.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key], message: `"${key}" is not a field of this operation` }));
    return [{ path, message: issue.message }];
  });
}

export type { Operation };
