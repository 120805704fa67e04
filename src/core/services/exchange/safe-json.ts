// Reading a file someone else wrote: the text is parsed as plain JSON (no revival of classes),
// then walked once, without recursion, to refuse keys that could reach an object's prototype
// and nesting deeper than any honest exchange file needs.

export const MAX_EXCHANGE_CHARS = 50 * 1024 * 1024;
export const MAX_JSON_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeJson = { ok: true; value: unknown } | { ok: false; problem: string };

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
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '$', depth: 0 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { ok: false, problem: `nests deeper than ${MAX_JSON_DEPTH} levels at ${path}` };
    if (Array.isArray(node)) {
      node.forEach((child, index) => stack.push({ node: child, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return { ok: false, problem: `contains the forbidden key "${key}" at ${path}` };
      stack.push({ node: (node as Record<string, unknown>)[key], path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return { ok: true, value };
}
