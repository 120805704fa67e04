import { MAX_EXCHANGE_CHARS } from '../../../shared/exchange/serialise';
import { findBrokenText } from '../../../shared/text';

// Reading a file someone else wrote: the text is parsed as plain JSON (no revival of classes),
// then walked once, without recursion, to refuse keys that could reach an object's prototype
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
  // Only objects and arrays are walked; where one sits is kept as a link to its parent and its key,
  // turned into a path only for a refusal (a national return has ~300,000 of them).
  interface Place {
    node: object;
    parent: Place | null;
    step: string | number;
    depth: number;
  }
  const pathOf = (place: Place): string => {
    const steps: string[] = [];
    for (let at: Place | null = place; at?.parent; at = at.parent) steps.push(typeof at.step === 'number' ? `[${at.step}]` : `.${at.step}`);
    return `$${steps.reverse().join('')}`;
  };
  // Only a file with a surrogate escape in it can hold a broken character: the full walk is for those.
  if (/\\u[dD][89a-fA-F]/.test(text)) {
    const broken = findBrokenText(value);
    if (broken) return { ok: false, problem: `contains a broken character (half of a two-part Unicode character) at $${broken.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('')}` };
  }
  if (value === null || typeof value !== 'object') return { ok: true, value, canonicalOrder: typeof value !== 'number' || Number.isFinite(value) };
  // JSON.parse turns a number too large for a double into Infinity, which canonical JSON refuses.
  let canonicalOrder = true;
  const stack: Place[] = [{ node: value, parent: null, step: '$', depth: 0 }];
  while (stack.length > 0) {
    const place = stack.pop()!;
    const { node, depth } = place;
    if (depth >= MAX_JSON_DEPTH) return { ok: false, problem: `nests deeper than ${MAX_JSON_DEPTH} levels at ${pathOf(place)}` };
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const child: unknown = node[index];
        if (child !== null && typeof child === 'object') stack.push({ node: child, parent: place, step: index, depth: depth + 1 });
        else if (typeof child === 'number' && !Number.isFinite(child)) canonicalOrder = false;
      }
      continue;
    }
    const keys = Object.keys(node);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (FORBIDDEN_KEYS.has(key)) return { ok: false, problem: `contains the forbidden key "${key}" at ${pathOf(place)}` };
      if (index > 0 && !(keys[index - 1]! < key)) canonicalOrder = false;
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push({ node: child, parent: place, step: key, depth: depth + 1 });
      else if (typeof child === 'number' && !Number.isFinite(child)) canonicalOrder = false;
    }
  }
  return { ok: true, value, canonicalOrder };
}
