import type { Tx } from '../context';
import type { Db } from './open';
import { preparedFor } from './prepared';

// The one place transactions are opened (lint refuses `.transaction(` anywhere else in src/).
//
// The desktop app, a browser and the command line may write to one file at once. A deferred
// transaction that reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT when another
// process committed in between (SQLite cannot upgrade a stale read snapshot, and the busy timeout
// does not apply). BEGIN IMMEDIATE takes the write lock first, waiting for it under the busy
// timeout, so the reads inside see the latest data and the writes cannot be refused.
//
// A transaction is better-sqlite3's own, made once per connection, and the handle inside it is the
// store handle itself: the connection runs one statement at a time, so between BEGIN and COMMIT
// everything on it belongs to the transaction. (drizzle's `db.transaction` built a new handle,
// with a query builder per table, and a new better-sqlite3 wrapper for every transaction: a
// tenth of the time of saving an answer.) Statements prepared inside serve every later
// transaction on the connection (src/core/db/prepared.ts).

type Behavior = 'immediate' | 'deferred';

function run<T>(db: Db, behavior: Behavior, work: (tx: Tx) => T): T {
  const transaction = preparedFor(db, 'transaction', () => db.$client.transaction((w: (tx: Tx) => unknown) => w(db)));
  return transaction[behavior](work) as T;
}

/** A transaction that writes: BEGIN IMMEDIATE, waiting for the write lock under the busy timeout. */
export function writeTransaction<T>(db: Db, work: (tx: Tx) => T): T {
  return run(db, 'immediate', work);
}

/**
 * Several reads that must see one state of the database (a report): a deferred transaction,
 * which never takes the write lock and so never holds up a writer in another process.
 */
export function readTransaction<T>(db: Db, work: (tx: Tx) => T): T {
  return run(db, 'deferred', work);
}

/**
 * A write transaction that adds a board's worth of rows (importing a return), with SQLite's page
 * cache held to `pageCacheKib` while it runs and put back after. The connection's own cache (64 MB,
 * see openStore) would otherwise keep every page the import wrote: about 30 MB for the largest
 * board's return, as much again as the parsed file. Rows go in assessment by assessment, so a few
 * MB of cache already holds the pages being filled; a page that leaves the cache mid-way goes to
 * the write-ahead log, not to the database, and the transaction stays one.
 */
export function bulkWriteTransaction<T>(db: Db, pageCacheKib: number, work: (tx: Tx) => T): T {
  const sqlite = db.$client;
  const own = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${Math.floor(pageCacheKib)}`);
  try {
    return writeTransaction(db, work);
  } finally {
    sqlite.pragma(`cache_size = ${own}`);
  }
}
