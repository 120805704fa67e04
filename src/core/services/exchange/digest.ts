import { createHash } from 'node:crypto';
import { canonicalJson, canonicalJsonOfParsedInPieces } from '../../../shared/canonical-json';
import { digestBody } from '../../../shared/exchange/schema';

/** SHA-256 (hex) of the canonical JSON of an exchange document without its digest field. */
export function exchangeDigest(document: { digest?: unknown }): string {
  return createHash('sha256').update(canonicalJson(digestBody(document)), 'utf8').digest('hex');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * exchangeDigest of a document as JSON.parse read it from a file (fast when written in canonical
 * order); `knownInCanonicalOrder` when the reader found it so (parseUntrustedJson's canonicalOrder).
 */
export function parsedExchangeDigest(document: { digest?: unknown }, knownInCanonicalOrder = false): string {
  const hash = createHash('sha256');
  canonicalJsonOfParsedInPieces(digestBody(document), (piece) => hash.update(piece, 'utf8'), knownInCanonicalOrder);
  return hash.digest('hex');
}
