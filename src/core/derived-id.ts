import { createHash } from 'node:crypto';

/**
 * A UUID (version 8, "custom") derived from text, so two devices doing the same thing make the
 * same record: a point carried over by a re-check gets the same id wherever the re-check is
 * decided, and merging sees one record instead of two.
 */
export function derivedId(text: string): string {
  const hex = createHash('sha256').update(text, 'utf8').digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
