// One byte-exact JSON text per value, so that two machines hashing the same template, return or
// assessment get the same digest. Follows the shape of RFC 8785 (JCS): object keys sorted by
// UTF-16 code units, no whitespace, numbers and strings written as ECMAScript's JSON.stringify
// writes them. Anything JSON cannot carry faithfully is refused rather than silently changed,
// because a silently changed value would make a tampered file and a clean one hash alike.

export class CanonicalJsonError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJson(value: unknown): string {
  return new Writer().value(value).text;
}

// One pass appending to a string (a return's digest covers ~20 MB of JSON). Where the writer is
// is kept as a trail of keys and indexes, turned into a path only when something is refused.
class Writer {
  text = '';
  private readonly trail: (string | number)[] = [];
  private readonly open = new Set<object>();

  value(value: unknown): this {
    if (value === null) {
      this.text += 'null';
      return this;
    }
    switch (typeof value) {
      case 'boolean':
        this.text += value ? 'true' : 'false';
        return this;
      case 'string':
        this.text += JSON.stringify(value);
        return this;
      case 'number':
        if (!Number.isFinite(value)) throw this.refuse(`Non-finite number ${String(value)}`);
        // JSON.stringify writes -0 as 0 and otherwise uses the shortest round-trip form (as JCS).
        this.text += JSON.stringify(value);
        return this;
      case 'object':
        return this.container(value);
      default:
        throw this.refuse(`Cannot represent a ${typeof value} in JSON`);
    }
  }

  private container(value: object): this {
    if (this.open.has(value)) throw this.refuse('Circular reference');
    if (Array.isArray(value)) {
      this.open.add(value);
      this.text += '[';
      for (let index = 0; index < value.length; index++) {
        const element: unknown = value[index];
        this.trail.push(index);
        // JSON.stringify would turn these into null, which changes the data.
        if (element === undefined) throw this.refuse('undefined in an array');
        if (index > 0) this.text += ',';
        this.value(element);
        this.trail.pop();
      }
      this.text += ']';
      this.open.delete(value);
      return this;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      // Dates, Maps, class instances: their JSON form depends on toJSON or is lossy. Convert first.
      throw this.refuse('Only plain objects and arrays are allowed');
    }
    this.open.add(value);
    const record = value as Record<string, unknown>;
    // Sorted by UTF-16 code units (the default sort); an undefined property is absent, as in JSON.stringify.
    const keys = Object.keys(record).sort();
    let first = true;
    this.text += '{';
    for (const key of keys) {
      const element = record[key];
      if (element === undefined) continue;
      if (!first) this.text += ',';
      first = false;
      this.text += JSON.stringify(key);
      this.text += ':';
      this.trail.push(key);
      this.value(element);
      this.trail.pop();
    }
    this.text += '}';
    this.open.delete(value);
    return this;
  }

  private refuse(message: string): CanonicalJsonError {
    const path = this.trail.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');
    return new CanonicalJsonError(message, `$${path}`);
  }
}

/**
 * For JSON values, the same answer as canonicalJson(a) === canonicalJson(b) (key order and
 * undefined properties do not count) without writing either out: verification compares hundreds
 * of declared and computed scores and only needs the text where they differ.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let defined = 0;
  for (const key of Object.keys(left)) {
    if (left[key] === undefined) continue;
    defined += 1;
    if (!sameJson(left[key], right[key])) return false;
  }
  return Object.keys(right).filter((key) => right[key] !== undefined).length === defined;
}

/**
 * canonicalJson of what JSON.parse returned, handed to `write` in pieces whose concatenation is
 * that text: a hash can take them one at a time, and a return's digest never holds all of its
 * ~20 MB of text at once. Fast when the text was written in canonical key order (as this app
 * writes returns): such a text parses back with every object's keys in that order, and then the
 * engine's own JSON.stringify writes exactly the canonical text of each part, several times faster.
 * Anything else (keys out of order, numbers too large for a double) takes canonicalJson.
 * `knownInCanonicalOrder`: the caller has already walked the value and found it so (the untrusted
 * JSON reader does, on its own walk); otherwise it is walked here first. `depth`: how deep `value`
 * stands in the document it is part of (a return's assessment stands at 2), which sets the size of
 * the pieces, never the text.
 */
export function canonicalJsonOfParsedInPieces(value: unknown, write: (piece: string) => void, knownInCanonicalOrder = false, depth = 0): void {
  if (!knownInCanonicalOrder && !inCanonicalOrder(value)) {
    write(canonicalJson(value));
    return;
  }
  // The top level and its arrays are written member by member (a return's assessments one by
  // one), and so is a record holding a long list, the list in runs of LIST_RUN elements (an
  // assessment's answers): no piece is much larger than a run, so each is soon garbage in the
  // young generation instead of a large string per assessment.
  const members = (node: unknown, depth: number): void => {
    if (Array.isArray(node)) {
      if (depth < 2) {
        write('[');
        node.forEach((element: unknown, index) => {
          if (index > 0) write(',');
          members(element, depth + 1);
        });
        write(']');
      } else if (node.length > LIST_RUN) {
        write('[');
        for (let start = 0; start < node.length; start += LIST_RUN) {
          if (start > 0) write(',');
          // The run's own brackets left out: its elements as they stand in the whole list.
          write(JSON.stringify(node.slice(start, start + LIST_RUN)).slice(1, -1));
        }
        write(']');
      } else {
        write(JSON.stringify(node));
      }
      return;
    }
    if (node === null || typeof node !== 'object' || (depth >= 2 && !Object.values(node).some((member) => Array.isArray(member) && member.length > LIST_RUN))) {
      write(JSON.stringify(node));
      return;
    }
    write('{');
    Object.keys(node).forEach((key, index) => {
      write(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`);
      members((node as Record<string, unknown>)[key], depth + 1);
    });
    write('}');
  };
  members(value, depth);
}

/** How many elements of a long list canonicalJsonOfParsedInPieces writes as one piece. */
const LIST_RUN = 128;

/** Every object's keys in canonical order, every number finite, only plain objects: what JSON.stringify writes canonically. */
export function inCanonicalOrder(root: unknown): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node === 'number' && !Number.isFinite(node)) return false;
    if (node === null || typeof node !== 'object') {
      if (node === undefined || typeof node === 'bigint' || typeof node === 'function' || typeof node === 'symbol') return false;
      continue;
    }
    // Deeper than any parsed file we accept (or a structure with a cycle): let canonicalJson judge.
    if (depth > 64) return false;
    if (Array.isArray(node)) {
      for (const element of node as unknown[]) stack.push({ node: element, depth: depth + 1 });
      continue;
    }
    if (Object.getPrototypeOf(node) !== Object.prototype) return false;
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let index = 0; index < keys.length; index++) {
      if (index > 0 && !(keys[index - 1]! < keys[index]!)) return false;
      stack.push({ node: record[keys[index]!], depth: depth + 1 });
    }
  }
  return true;
}
