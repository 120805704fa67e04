import type { ParsedInput } from '../../../shared/contract';
import { ExchangeDocumentShell, EXCHANGE_LIMITS, type ExchangeDocument } from '../../../shared/exchange/schema';
import { MAX_EXCHANGE_CHARS, splitSerialisedReturn } from '../../../shared/exchange/serialise';
import { SCORING_ENGINE_VERSION } from '../../../shared/scoring';
import type { ServiceContext, Tx } from '../../context';
import { bulkWriteTransaction } from '../../db/transactions';
import { keepScores } from '../scores/scored-wards';
import { signatureProblem } from '../signing/crypto';
import { checkSigner } from '../signing/register';
import { ExchangeDigestInPieces } from './digest';
import { finishImport, importAssessment, importVerifiedReturn, startImport, type ImportReport } from './import';
import { mayHoldBrokenCharacter, walkParsed } from './safe-json';
import { checkAssessment, checkedAssessment, checkFormat, checkRegisterConsistency, checkReturnSigner, checkScores, checkTemplates, FILE_WIDE_IDS, verifyReturn } from './verify';

// Importing a return (exchange.import). A return as this app writes it (serialiseReturn's layout,
// canonical order) is read, checked and written one assessment at a time, so the import never
// holds the whole parsed file: the largest board's 35 MB return parses to about 27 MB of objects,
// and holding them with everything else the import needs was more than twice that.
//
// Read that way, the checks meet the file in another order than `verify` makes them: the digest
// is known only after the last assessment, while the assessments before it are already written
// inside the import's one transaction. So this path refuses nothing itself. At the first check
// that fails, or anything it cannot prove (a file laid out otherwise, a broken character, keys
// out of order), it stops and the transaction rolls back, leaving the store as it was; then the
// file is imported as it always was, whole: every check in verify's order before any write. A
// file is therefore refused with exactly the refusal it always had, and a file this path accepts
// is one that path accepts, with the same rows written: the same checks are made on the same
// values (the same functions), only assessment by assessment.

/** SQLite's page cache while a return is written (see bulkWriteTransaction): measured as fast as 64 MB on the national collation. */
const IMPORT_PAGE_CACHE_KIB = 8 * 1024;

export function importReturn(ctx: ServiceContext, input: ParsedInput<'exchange.import'>): ImportReport {
  return importAssessmentByAssessment(ctx, input) ?? importWholeReturn(ctx, input);
}

/** The import of a return read whole: every check of `verify`, in its order, then the writes. */
export function importWholeReturn(ctx: ServiceContext, input: ParsedInput<'exchange.import'>): ImportReport {
  const verified = verifyReturn(input.fileName, input.content);
  return bulkWriteTransaction(ctx.db, IMPORT_PAGE_CACHE_KIB, (tx) => {
    // Inside the transaction: the register cannot change between this check and the writes.
    const { signedBy } = checkReturnSigner(tx, verified, input.fileName);
    return importVerifiedReturn(tx, ctx, verified, input.fileName, signedBy);
  });
}

/** Thrown to stop reading assessment by assessment (and roll back); never leaves this file. */
class NotProven extends Error {}

/**
 * The import of a return read assessment by assessment, committed; or null, with nothing written,
 * when the file is not laid out as this app writes returns or fails any check (or anything else
 * goes wrong once it is writing): the caller then imports it whole, which refuses it as it always
 * has. Throws only when the store cannot be written at all, as the whole-file import would.
 */
export function importAssessmentByAssessment(ctx: ServiceContext, { fileName, content }: ParsedInput<'exchange.import'>): ImportReport | null {
  if (content.length > MAX_EXCHANGE_CHARS || mayHoldBrokenCharacter(content)) return null;
  const split = splitSerialisedReturn(content);
  if (!split) return null;
  let began = false;
  try {
    return bulkWriteTransaction(ctx.db, IMPORT_PAGE_CACHE_KIB, (tx) => {
      began = true;
      return importPieces(tx, ctx, fileName, content, split.head, split.assessments);
    });
  } catch (error) {
    // Rolled back. Whatever stopped it, the whole-file import meets it again in its own order;
    if (began) return null;
    // but when the store could not be written at all (its lock held past the wait, or closed),
    // the whole-file import would only check the file and then meet the same again, after
    // waiting once more: a file it refuses is refused, any other is told what stopped it.
    verifyReturn(fileName, content);
    throw error;
  }
}

function importPieces(tx: Tx, ctx: ServiceContext, fileName: string, content: string, head: Record<string, unknown>, pieces: [number, number][]): ImportReport {
  const stop = (): never => {
    throw new NotProven();
  };
  // What verifyReturn checks before the assessments, on the document without them.
  const walked = walkParsed(head, 0);
  if (walked.problem || !walked.canonicalOrder) stop();
  checkFormat(head, stop);
  const shell = ExchangeDocumentShell.safeParse(head);
  if (!shell.success || pieces.length > EXCHANGE_LIMITS.assessments) return stop();
  const document: ExchangeDocument = { ...shell.data, assessments: [] };
  if (document.signature && signatureProblem(document.digest, document.signature)) stop();
  const templates = checkTemplates(document.templates, stop);
  checkRegisterConsistency(document, stop);
  if (document.scoringEngine !== SCORING_ENGINE_VERSION) stop();
  const { signedBy } = checkSigner(tx, document, stop);

  const { report, refuse } = startImport(tx, ctx, document, fileName, signedBy);
  const digest = new ExchangeDigestInPieces(head);
  const wards = new Map(document.wards.map((w) => [w.id, w]));
  const areasById = new Map(document.areas.map((a) => [a.id, a]));
  const seen = FILE_WIDE_IDS.map(() => new Set<string>());
  for (const [start, end] of pieces) {
    let read: unknown;
    try {
      read = JSON.parse(content.slice(start, end));
    } catch {
      return stop();
    }
    if (read === null || typeof read !== 'object') return stop();
    const piece = walkParsed(read, 2);
    if (piece.problem || !piece.canonicalOrder) stop();
    digest.add(read);
    const assessment = checkedAssessment(read) ?? stop();
    FILE_WIDE_IDS.forEach(({ ids, withinAssessment }, kind) => {
      const ofKind = withinAssessment ? new Set<string>() : seen[kind]!;
      for (const id of ids(assessment)) {
        if (ofKind.has(id)) stop();
        ofKind.add(id);
      }
    });
    checkAssessment(assessment, document, areasById, templates, stop);
    const scores = checkScores(assessment, wards, templates, stop);
    // Kept as soon as written, not after the last assessment as importVerifiedReturn keeps them:
    // each table receives the same rows in the same order.
    if (importAssessment(tx, ctx, assessment, fileName, report, refuse)) keepScores(tx, ctx, assessment.id, scores);
  }
  if (digest.hex() !== document.digest) stop();
  return finishImport(report);
}
