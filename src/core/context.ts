import type { Db } from './db/open';

/** What every service receives: the store and the few things that vary between runs. */
export interface ServiceContext {
  db: Db;
  /** Who is writing, as recorded in the audit log (e.g. "jsmith via app"). */
  actor: string;
  now(): Date;
  newId(): string;
}

/**
 * The store handle inside a transaction (src/core/db/transactions.ts): the same handle, on the one
 * connection that holds the transaction open. The name says a function expects to run inside one.
 */
export type Tx = Db;
export type DbOrTx = Db | Tx;

export function isoNow(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
