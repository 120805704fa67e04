import type { Tx } from '../context';
import type { Db } from './open';

// The one place transactions are opened (lint refuses `.transaction(` anywhere else in src/).
//
// The desktop app, a browser and the command line may write to one file at once. A deferred
// transaction that reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT when another
// process committed in between (SQLite cannot upgrade a stale read snapshot, and the busy timeout
// does not apply). BEGIN IMMEDIATE takes the write lock first, waiting for it under the busy
// timeout, so the reads inside see the latest data and the writes cannot be refused.

/** A transaction that writes: BEGIN IMMEDIATE, waiting for the write lock under the busy timeout. */
export function writeTransaction<T>(db: Db, work: (tx: Tx) => T): T {
  return db.transaction(work, { behavior: 'immediate' });
}

/**
 * Several reads that must see one state of the database (a report): a deferred transaction,
 * which never takes the write lock and so never holds up a writer in another process.
 */
export function readTransaction<T>(db: Db, work: (tx: Tx) => T): T {
  return db.transaction(work, { behavior: 'deferred' });
}
