import { canonicalJson } from '../canonical-json';

// How a return is written to disk: keys in canonical (sorted) order and two-space indentation, so
// the same data always gives the same bytes and a person can still read the file.

export function serialiseReturn(document: unknown): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(document)), null, 2)}\n`;
}

/** A file name from the board's name, e.g. "nhs-lothian-return.json". */
export function returnFileName(boardName: string, extension = 'json'): string {
  const slug = boardName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'board'}-return.${extension}`;
}
