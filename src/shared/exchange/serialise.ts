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

/**
 * A return's text as serialiseReturn lays it out, cut so that it can be read one assessment at a
 * time: `head` is the document parsed with an empty list in place of its assessments, and
 * `assessments` the [start, end) of each assessment's text, in file order. Parsing each of those
 * and putting them in `head.assessments` gives exactly what JSON.parse(text) gives: the text is
 * `head`'s own layout with the list spliced in at the place that layout gives the top-level
 * "assessments" (checked by writing `head` out again and comparing), and every assessment's text
 * parsed alone is a complete JSON value (the caller parses each; one that does not parse means
 * the cut is not provable). null when the text is not laid out this way (a file written by hand
 * or by another tool): the caller reads it whole.
 */
export function splitSerialisedReturn(text: string): { head: Record<string, unknown>; assessments: [number, number][] } | null {
  // A raw line break is never inside a JSON string, so these marks are layout, not content; the
  // comparison of the head below is what proves where they stand.
  const open = text.indexOf(ASSESSMENTS_OPEN);
  if (open < 0) return null;
  const listStart = open + ASSESSMENTS_OPEN.length - 1;
  const assessments: [number, number][] = [];
  let listEnd: number;
  if (text.startsWith('[]', listStart)) {
    listEnd = listStart + 1;
  } else {
    let at = listStart + 1;
    for (;;) {
      if (!text.startsWith(ELEMENT_OPEN, at)) return null;
      const close = text.indexOf(ELEMENT_CLOSE, at + ELEMENT_OPEN.length);
      if (close < 0) return null;
      const end = close + ELEMENT_CLOSE.length;
      assessments.push([at + ELEMENT_OPEN.length - 1, end]);
      if (text.startsWith(',', end)) {
        at = end + 1;
      } else if (text.startsWith(LIST_CLOSE, end)) {
        listEnd = end + LIST_CLOSE.length - 1;
        break;
      } else {
        return null;
      }
    }
  }
  const headText = `${text.slice(0, listStart)}[]${text.slice(listEnd + 1)}`;
  let head: unknown;
  try {
    head = JSON.parse(headText);
  } catch {
    return null;
  }
  if (head === null || typeof head !== 'object' || Array.isArray(head)) return null;
  if (`${JSON.stringify(head, null, 2)}\n` !== headText) return null;
  return { head: head as Record<string, unknown>, assessments };
}

/** serialiseReturn's layout: the top-level "assessments" list at two spaces, each assessment at four. */
const ASSESSMENTS_OPEN = '\n  "assessments": [';
const ELEMENT_OPEN = '\n    {';
const ELEMENT_CLOSE = '\n    }';
const LIST_CLOSE = '\n  ]';
