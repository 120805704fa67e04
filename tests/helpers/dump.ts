import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Every user table's rows as sorted JSON lines, keyed by table: a canonical picture of the data. */
/**
 * Every row of every table as canonical JSON, sorted. `columns` limits a table to the named
 * columns (e.g. those an older schema had, to compare across a migration that added some).
 */
export function dumpTables(sqlite: Database.Database, options: { except?: string[]; columns?: Record<string, string[]> } = {}): Record<string, string[]> {
  const tables = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((name) => !(options.except ?? []).includes(name));
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const only = options.columns?.[table];
    const select = only ? only.map((c) => `"${c}"`).join(', ') : '*';
    const rows = sqlite.prepare(`SELECT ${select} FROM "${table}"`).all() as Record<string, unknown>[];
    dump[table] = rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]))).sort();
  }
  return dump;
}

/** A SHA-256 of the canonical dump. */
export function hashTables(sqlite: Database.Database, options: { except?: string[] } = {}): string {
  const hash = createHash('sha256');
  for (const [table, rows] of Object.entries(dumpTables(sqlite, options))) {
    hash.update(`${table}\n`);
    for (const row of rows) hash.update(`${row}\n`);
  }
  return hash.digest('hex');
}
