import { MAX_EXCHANGE_CHARS } from '../../../shared/exchange/serialise';
import { findBrokenText } from '../../../shared/text';

// Reading a file someone else wrote: the text is parsed as plain JSON (no revival of classes),
// then walked once (see Walk) to refuse keys that could reach an object's prototype
// and nesting deeper than any honest exchange file needs. A "\ud800" escape would put half of a
// two-part character into a string: such a file is refused too (this app never writes one).

export const MAX_JSON_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `canonicalOrder`: every object's keys are in canonical order (src/shared/canonical-json.ts) and
 * every number is finite, as in a file this app wrote. Found on the same walk, so the digest need
 * not walk the whole file again to learn it.
 */
export type SafeJson = { ok: true; value: unknown; canonicalOrder: boolean } | { ok: false; problem: string };

export function parseUntrustedJson(text: string, maxChars = MAX_EXCHANGE_CHARS): SafeJson {
  if (text.length > maxChars) {
    return { ok: false, problem: `is ${(text.length / 1024 / 1024).toFixed(1)} MB, larger than the ${maxChars / 1024 / 1024} MB an exchange file may be` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `is not valid JSON (the file may be truncated or damaged): ${reason}` };
  }
  // Only a file with a surrogate escape in it can hold a broken character: the full walk is for those.
  if (mayHoldBrokenCharacter(text)) {
    const broken = findBrokenText(value);
    if (broken) return { ok: false, problem: `contains a broken character (half of a two-part Unicode character) at $${broken.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('')}` };
  }
  if (value === null || typeof value !== 'object') return { ok: true, value, canonicalOrder: typeof value !== 'number' || Number.isFinite(value) };
  const walk = new Walk();
  const problem = walk.visit(value, 0);
  return problem ? { ok: false, problem } : { ok: true, value, canonicalOrder: walk.canonicalOrder };
}

/** False when `text` has no "\\ud800"-style escape, so nothing parsed from it can hold half of a two-part character. */
export function mayHoldBrokenCharacter(text: string): boolean {
  return /\\u[dD][89a-fA-F]/.test(text);
}

/**
 * parseUntrustedJson's walk over a value parsed from part of a file, standing `depth` levels
 * down in it (an assessment of a return stands at 2): its refusal (the path is from the part), or
 * null, and whether it is in canonical order.
 */
export function walkParsed(value: object, depth: number): { problem: string | null; canonicalOrder: boolean } {
  const walk = new Walk();
  const problem = walk.visit(value, depth);
  return { problem, canonicalOrder: walk.canonicalOrder };
}

/**
 * One walk over the objects and arrays of a parsed text, depth first, the last child first. It
 * recurses, which is safe because it never goes deeper than MAX_JSON_DEPTH levels, and it makes
 * nothing per node (a national return has ~300,000 of them): where it is stays a list of steps,
 * turned into a path only for a refusal.
 */
class Walk {
  /** JSON.parse turns a number too large for a double into Infinity, which canonical JSON refuses. */
  canonicalOrder = true;
  private readonly steps: (string | number)[] = [];
  /** An object's keys that hold objects or arrays, one list per depth, reused from object to object. */
  private readonly children: string[][] = [];

  /** The refusal for `node` or anything under it, or null. */
  visit(node: object, depth: number): string | null {
    if (depth >= MAX_JSON_DEPTH) return `nests deeper than ${MAX_JSON_DEPTH} levels at ${this.path()}`;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const child: unknown = node[index];
        if (typeof child === 'number' && !Number.isFinite(child)) this.canonicalOrder = false;
      }
      for (let index = node.length - 1; index >= 0; index--) {
        const problem = this.child(node[index], index, depth);
        if (problem) return problem;
      }
      return null;
    }
    // for…in rather than Object.keys: no array of keys made for each of the file's objects.
    const record = node as Record<string, unknown>;
    const children = (this.children[depth] ??= []);
    let count = 0;
    let previous: string | null = null;
    for (const key in record) {
      if (FORBIDDEN_KEYS.has(key)) return `contains the forbidden key "${key}" at ${this.path()}`;
      if (previous !== null && !(previous < key)) this.canonicalOrder = false;
      previous = key;
      const child = record[key];
      if (child !== null && typeof child === 'object') children[count++] = key;
      else if (typeof child === 'number' && !Number.isFinite(child)) this.canonicalOrder = false;
    }
    for (let index = count - 1; index >= 0; index--) {
      const key = children[index]!;
      const problem = this.child(record[key], key, depth);
      if (problem) return problem;
    }
    return null;
  }

  private child(child: unknown, step: string | number, depth: number): string | null {
    if (child === null || typeof child !== 'object') return null;
    this.steps.push(step);
    const problem = this.visit(child, depth + 1);
    this.steps.pop();
    return problem;
  }

  private path(): string {
    return `$${this.steps.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('')}`;
  }
}
