import type { z } from 'zod';

/** One operation: what a caller may send and what it gets back. Both must be JSON-safe. */
export interface OperationSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * A part of the contract: each operation's schemas behind a function, so that loading the contract
 * builds none of them (cold start: see src/shared/lazy-schema.ts); defineContract builds each on
 * its first use.
 */
export type ContractSlice = Record<string, () => OperationSpec>;

/** The contract as its users see it: each operation's schemas, built when first read. */
export type Operations<S extends ContractSlice> = { readonly [O in keyof S]: ReturnType<S[O]> };

/**
 * Lists every operation at once (so their names need no schema) and builds an operation's schemas
 * the first time it is read; from then on it is a plain property holding that same object.
 */
export function defineContract<S extends ContractSlice>(slices: S): Operations<S> {
  const contract = {} as Operations<S>;
  for (const [operation, build] of Object.entries(slices)) {
    Object.defineProperty(contract, operation, {
      enumerable: true,
      configurable: true,
      get() {
        const spec = build();
        Object.defineProperty(contract, operation, { enumerable: true, value: spec });
        return spec;
      },
    });
  }
  return contract;
}
