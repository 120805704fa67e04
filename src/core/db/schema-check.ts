import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

// Whether a database has exactly the tables, columns, indexes and triggers this version of the
// app makes. Migrations run the same statements in the same order on every database, so SQLite's
// record of them (sqlite_master) matches a freshly migrated one text for text; a backup with a
// table dropped, a column missing or the audit log's append-only triggers removed does not.

type Schema = Map<string, string>;

const expected = new Map<string, Schema>();

/** What sqlite_master holds, keyed "table answers", "trigger audit_log_no_update"… */
export function schemaOf(sqlite: Database.Database): Schema {
  const rows = sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name").all() as { type: string; name: string; sql: string | null }[];
  return new Map(rows.map((row) => [`${row.type} ${row.name}`, row.sql ?? '']));
}

/** The schema every migration gives an empty database (worked out once per process). */
export function expectedSchema(migrationsFolder: string, nativeBinding?: string): Schema {
  let known = expected.get(migrationsFolder);
  if (!known) {
    const sqlite = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
    try {
      migrate(drizzle(sqlite, { schema }), { migrationsFolder });
      known = schemaOf(sqlite);
    } finally {
      sqlite.close();
    }
    expected.set(migrationsFolder, known);
  }
  return known;
}

/** What differs, in words ("table ligature_points is missing"), at most `limit` of them; empty when none. */
export function schemaDifferences(actual: Schema, wanted: Schema, limit = 3): string[] {
  const differences: string[] = [];
  for (const [key, sql] of wanted) {
    if (!actual.has(key)) differences.push(`${key} is missing`);
    else if (actual.get(key) !== sql) differences.push(`${key} is not as this app makes it`);
  }
  for (const key of actual.keys()) if (!wanted.has(key)) differences.push(`${key} is not one of this app's`);
  return differences.slice(0, limit);
}
