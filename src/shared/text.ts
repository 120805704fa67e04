// Text crossing a boundary is refused, not repaired: bytes that are not UTF-8 are never read with
// replacement characters, and a string holding half of a two-part character (a lone surrogate,
// which JSON's "\ud800" escape can carry) never reaches the store.

export type Utf8Reading = { ok: true; text: string } | { ok: false; problem: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text in `bytes`, or where the first byte that is not UTF-8 sits (byte offset, line, column). */
export function decodeUtf8(bytes: Uint8Array): Utf8Reading {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    return { ok: false, problem: `is not valid UTF-8 text: byte ${offset} (line ${line}, byte ${offset - lineStart + 1} of the line) is not part of a UTF-8 character. Save it as UTF-8 and try again.` };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the range the first of them must be in
    // (which rules out overlong forms, surrogates and code points above U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length + 1;
  }
  return bytes.length;
}

// With the u flag, a well-formed pair is one code point, so this matches only a lone half.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Whether a string holds a lone surrogate. String.prototype.isWellFormed (ES2024, in Node 20 and
 * current browsers) is native and checks a 50 MB return in milliseconds; the regular expression,
 * ten times slower on such a string, is for engines without it.
 */
function hasLoneSurrogate(text: string): boolean {
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? !native.call(text) : LONE_SURROGATE.test(text);
}

/**
 * The path to the first string (or object key) in `value` that holds a lone surrogate, or null
 * when every string is well-formed text. Iterative, so deep nesting cannot overflow the stack.
 */
export function findBrokenText(value: unknown): (string | number)[] | null {
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: value, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (typeof node === 'string') {
      if (hasLoneSurrogate(node)) return path;
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) stack.push({ node: node[i], path: [...path, i] });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (hasLoneSurrogate(key)) return [...path, key];
        stack.push({ node: child, path: [...path, key] });
      }
    }
  }
  return null;
}
