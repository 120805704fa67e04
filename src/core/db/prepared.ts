import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, is, Param, Placeholder, sql, type DriverValueEncoder } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../context';

// The statement cache. Building and preparing SQL costs far more than running it: saving an
// answer, scoring the nation and collating returns each spent most of their time in the query
// builder. A hot path prepares its statements once per connection and reuses them.
//
// The cache belongs to the connection (the better-sqlite3 handle), not to a transaction or to the
// process: a restored backup or another database file is a new connection, which starts with no
// statements, and a closed connection's statements go with it.

const caches = new WeakMap<Database.Database, Map<string, unknown>>();

/** The better-sqlite3 connection under a store handle (inside a transaction or not). */
export function connectionOf(handle: DbOrTx): Database.Database {
  return handle.$client;
}

/** The statement `prepare` builds, made once per connection under this key. */
export function preparedFor<T>(handle: DbOrTx, key: string, prepare: () => T): T {
  const connection = connectionOf(handle);
  let cache = caches.get(connection);
  if (!cache) caches.set(connection, (cache = new Map()));
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) cache.set(key, (statement = prepare()));
  return statement;
}

/**
 * How a statement gives its rows: objects keyed by column, arrays of the values in column order
 * (no object per row: for reads of many rows), or the first column's value alone.
 */
export type RowShape = 'objects' | 'arrays' | 'values';

/** A plain SQL statement, prepared once per connection for each shape of row. */
export function statement(handle: DbOrTx, text: string, shape: RowShape = 'objects'): Database.Statement {
  return preparedFor(handle, `${shape}:${text}`, () => {
    const prepared = connectionOf(handle).prepare(text);
    return shape === 'arrays' ? prepared.raw() : shape === 'values' ? prepared.pluck() : prepared;
  });
}

// A table's column keys, worked out once per table: an import inserts ~250,000 rows.
const tableShapes = new WeakMap<SQLiteTable, { keys: string[]; cacheKey: string }>();

/** Where each parameter of a prepared insert comes from: a key of the row (through its column's encoder), or a constant (a default). */
type InsertParam = { key: string; encoder: DriverValueEncoder<unknown, unknown> } | { constant: unknown };
interface PreparedInsert {
  statement: Database.Statement;
  params: InsertParam[];
  /** The values of the row being inserted, refilled for each row (run binds them at once). */
  values: unknown[];
}

/**
 * tx.insert(table).values(row).run(): the SQL drizzle builds for the table and the set of keys
 * the row gives (a key the row lacks takes the column's default, as in the plain insert),
 * prepared once per connection and run by better-sqlite3 directly, each value through its
 * column's encoder as drizzle would (booleans as 0 and 1), without drizzle's per-row work.
 * `also`: values for more columns, or in place of the row's own (the parent's id, a value stored
 * as JSON text), so a caller writing many rows need not copy each one to add them.
 */
export function insertRow(tx: DbOrTx, table: SQLiteTable, row: Record<string, unknown>, also?: Record<string, unknown>): void {
  let shape = tableShapes.get(table);
  if (!shape) tableShapes.set(table, (shape = { keys: Object.keys(getTableColumns(table)), cacheKey: `insert:${getTableName(table)}` }));
  // Which of the table's columns the row gives, as the bits of a number (tables have far fewer than 53 columns).
  let present = 0;
  for (const key of shape.keys) present = present * 2 + (key in row || (also !== undefined && key in also) ? 1 : 0);
  const inserts = preparedFor(tx, shape.cacheKey, () => new Map<number, PreparedInsert>());
  let insert = inserts.get(present);
  if (!insert) {
    const columns = shape.keys.filter((key) => key in row || (also !== undefined && key in also));
    const query = tx
      .insert(table)
      .values(Object.fromEntries(columns.map((key) => [key, sql.placeholder(key)])) as never)
      .toSQL();
    const params = query.params.map((param): InsertParam => (is(param, Param) && is(param.value, Placeholder) ? { key: param.value.name, encoder: param.encoder } : { constant: param }));
    insert = { statement: connectionOf(tx).prepare(query.sql), params, values: new Array<unknown>(params.length) };
    inserts.set(present, insert);
  }
  const { values } = insert;
  for (let index = 0; index < values.length; index++) {
    const param = insert.params[index]!;
    if (!('key' in param)) values[index] = param.constant;
    else values[index] = param.encoder.mapToDriverValue(also !== undefined && param.key in also ? also[param.key] : row[param.key]);
  }
  insert.statement.run(values);
}
