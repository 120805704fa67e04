import type { Db } from './db/open';

/** What every service receives: the store and the few things that vary between runs. */
export interface ServiceContext {
  db: Db;
  /** Who is writing, as recorded in the audit log (e.g. "jsmith via app"). */
  actor: string;
  now(): Date;
  newId(): string;
}

/** The store handle inside a transaction; services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export function isoNow(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
