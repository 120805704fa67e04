import type { z } from 'zod';

/** One operation: what a caller may send and what it gets back. Both must be JSON-safe. */
export interface OperationSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export type ContractSlice = Record<string, OperationSpec>;
