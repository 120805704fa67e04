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
  return write(value, '$', new Set<object>());
}

function write(value: unknown, path: string, open: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`Non-finite number ${String(value)}`, path);
      // JSON.stringify writes -0 as 0 and otherwise uses the shortest round-trip form (as JCS).
      return JSON.stringify(value);
    case 'object':
      return writeContainer(value, path, open);
    default:
      throw new CanonicalJsonError(`Cannot represent a ${typeof value} in JSON`, path);
  }
}

function writeContainer(value: object, path: string, open: Set<object>): string {
  if (open.has(value)) throw new CanonicalJsonError('Circular reference', path);
  open.add(value);
  try {
    if (Array.isArray(value)) {
      const parts = value.map((element: unknown, index) => {
        // JSON.stringify would turn these into null, which changes the data.
        if (element === undefined) throw new CanonicalJsonError('undefined in an array', `${path}[${index}]`);
        return write(element, `${path}[${index}]`, open);
      });
      return `[${parts.join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      // Dates, Maps, class instances: their JSON form depends on toJSON or is lossy. Convert first.
      throw new CanonicalJsonError('Only plain objects and arrays are allowed', path);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined) // as JSON.stringify: an undefined property is absent
      .sort();
    const parts = keys.map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, open)}`);
    return `{${parts.join(',')}}`;
  } finally {
    open.delete(value);
  }
}
