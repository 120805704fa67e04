import { canonicalJson } from '../canonical-json';

// How a return is written to disk: keys in canonical (sorted) order and two-space indentation, so
// the same data always gives the same bytes and a person can still read the file.

/** The most characters an exchange file may hold: import refuses anything larger. */
export const MAX_EXCHANGE_CHARS = 50 * 1024 * 1024;

/**
 * Why a return written as `text` could not be imported because of its size, or null. Checked
 * before the file is saved, so a board never sends a return the collator must refuse.
 */
export function oversizeProblem(text: string): string | null {
  if (text.length <= MAX_EXCHANGE_CHARS) return null;
  return `This return would be ${(text.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_EXCHANGE_CHARS / 1024 / 1024} MB a return may be. Export one round at a time.`;
}

export function serialiseReturn(document: unknown): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(document)), null, 2)}\n`;
}

const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

/** A file name from the board's name, e.g. "nhs-lothian-return.json". */
export function returnFileName(boardName: string, extension = 'json'): string {
  return `${fileSlug(boardName) || 'board'}-return.${extension}`;
}

/** Words as part of a file name: "Łomond Ward" → "lomond-ward". */
export function fileSlug(words: string): string {
  return words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Letters that do not decompose into a base letter and an accent.
    .replace(/[łøđßæœþ]/g, (letter) => LETTERS[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
