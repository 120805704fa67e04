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

/**
 * parsedExchangeDigest of a document read one assessment at a time (see splitSerialisedReturn):
 * `head` is the document with an empty list in place of its assessments, then each assessment is
 * added in file order, then `hex()`. The same text is hashed as parsedExchangeDigest hashes, so
 * everything must be in canonical order (the reader's walk says so; the caller reads the file
 * whole otherwise).
 */
export class ExchangeDigestInPieces {
  private readonly hash = createHash('sha256');
  private readonly write = (piece: string) => this.hash.update(piece, 'utf8');
  /** The top-level members after the assessments, written by hex(). */
  private readonly after: [string, unknown][] = [];
  private added = 0;

  constructor(head: Record<string, unknown>) {
    const body = digestBody(head) as Record<string, unknown>;
    let written = 0;
    let seen = false;
    this.write('{');
    for (const key of Object.keys(body)) {
      if (seen) {
        this.after.push([key, body[key]]);
        continue;
      }
      this.write(`${written++ > 0 ? ',' : ''}${JSON.stringify(key)}:`);
      if (key === 'assessments') {
        this.write('[');
        seen = true;
      } else {
        canonicalJsonOfParsedInPieces(body[key], this.write, true, 1);
      }
    }
    if (!seen) throw new Error('The document has no assessments list to add to');
  }

  add(assessment: unknown): void {
    if (this.added++ > 0) this.write(',');
    canonicalJsonOfParsedInPieces(assessment, this.write, true, 2);
  }

  hex(): string {
    this.write(']');
    for (const [key, value] of this.after) {
      this.write(`,${JSON.stringify(key)}:`);
      canonicalJsonOfParsedInPieces(value, this.write, true, 1);
    }
    this.write('}');
    return this.hash.digest('hex');
  }
}
