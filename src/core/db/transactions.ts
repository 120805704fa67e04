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
