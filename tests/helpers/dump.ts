import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Every user table's rows as sorted JSON lines, keyed by table: a canonical picture of the data. */
export function dumpTables(sqlite: Database.Database, options: { except?: string[] } = {}): Record<string, string[]> {
  const tables = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((name) => !(options.except ?? []).includes(name));
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
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
