import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../context';

// Building and preparing SQL costs far more than running it: a national collation writes
// ~250,000 rows and spent most of its time in the query builder. Hot writes prepare their
// statement once per store handle (a transaction is a handle of its own) and key.

const prepared = new WeakMap<DbOrTx, Map<string, unknown>>();

/** The statement `prepare` builds, made once per handle under this key. */
export function preparedFor<T>(tx: DbOrTx, key: string, prepare: () => T): T {
  let cache = prepared.get(tx);
  if (!cache) prepared.set(tx, (cache = new Map()));
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) cache.set(key, (statement = prepare()));
  return statement;
}

/**
 * tx.insert(table).values(row).run(), with the statement prepared once per handle, table and set
 * of keys (a key the row lacks takes the column's default, as in the plain insert).
 */
export function insertRow(tx: DbOrTx, table: SQLiteTable, row: Record<string, unknown>): void {
  const columns = Object.keys(getTableColumns(table)).filter((key) => key in row);
  const statement = preparedFor(tx, `insert:${getTableName(table)}:${columns.join(',')}`, () =>
    tx
      .insert(table)
      .values(Object.fromEntries(columns.map((key) => [key, sql.placeholder(key)])) as never)
      .prepare(),
  );
  statement.run(row);
}
