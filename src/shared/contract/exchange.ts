import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { Id } from '../domain/estate-schemas';
import { ExchangeDocument } from '../exchange/schema';
import type { ContractSlice } from './types';

const ExchangeFileInput = lazySchema(() => z.object({
  fileName: z.string().trim().min(1, 'Name the file').max(255),
  // A transport guard only: the service refuses anything over 50 MB with a message naming the file.
  content: z.string().max(64 * 1024 * 1024, 'An exchange file must be under 50 MB'),
}));

const ExportInput = lazySchema(() => z.object({
  boardId: Id,
  /** Photos make the file large and may show more than a collator needs: off unless asked for. */
  includePhotos: z.boolean().default(false),
  /** Drafts are unfinished work: a return holds signed-off assessments unless asked otherwise. */
  includeDrafts: z.boolean().default(false),
  /** One round (e.g. "2026/27") only; without it, every round. A large board's whole history can exceed the 50 MB a file may hold. */
  round: z.string().trim().regex(/^\d{4}\/\d{2}$/, 'Enter the round as a financial year, e.g. 2026/27').optional(),
}));

const SignedBy = lazySchema(() => z.object({ board: z.string(), keyId: z.string(), label: z.string() }));

export const ImportReport = lazySchema(() => z.object({
  fileName: z.string(),
  status: z.enum(['imported', 'already_imported']),
  board: z.object({ id: Id, name: z.string() }),
  assessmentsAdded: z.number().int(),
  assessmentsAlreadyHere: z.number().int(),
  templatesInstalled: z.array(z.string()),
  estateRecordsAdded: z.number().int(),
  estateRecordsUpdated: z.number().int(),
  /** The file is older than this board's assessments already here: its register did not replace the newer one. */
  olderThanHere: z.boolean(),
  photosAdded: z.number().int(),
  /** Who signed it, by the register of boards' keys; null when it was not signed (and accepted unsigned). */
  signedBy: SignedBy.nullable(),
}));

export const VerifyReport = lazySchema(() => z.object({
  fileName: z.string(),
  ok: z.boolean(),
  /** What was checked and passed, in order. */
  checks: z.array(z.string()),
  /** Why the file was refused, naming the file; null when every check passed. */
  problem: z.string().nullable(),
  board: z.object({ id: z.string(), name: z.string() }).nullable(),
  assessments: z.number().int(),
  digest: z.string().nullable(),
  signedBy: SignedBy.nullable(),
}));

/** A board's return to the national collator, and collation of returns. */
export const exchangeContract = {
  /** The board's return as one document (see resources/schemas/exchange-v1.schema.json). */
  'exchange.export': () => ({ input: ExportInput, output: ExchangeDocument }),
  /** The same return as one CSV file per table, for spreadsheets. */
  'exchange.exportCsv': () => ({
    input: ExportInput.unwrap().omit({ includePhotos: true }),
    output: z.object({ files: z.array(z.object({ fileName: z.string(), content: z.string() })) }),
  }),
  /** Checks a file completely (schema, digest, templates, every score) and imports it in one transaction. */
  'exchange.import': () => ({ input: ExchangeFileInput, output: ImportReport }),
  /** The same checks as import, writing nothing. */
  'exchange.verify': () => ({ input: ExchangeFileInput, output: VerifyReport }),
} satisfies ContractSlice;
