import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEntry } from '../../shared/contract/system';
import type { DbOrTx, ServiceContext } from '../context';
import { statement } from '../db/prepared';
import { auditLog } from '../db/schema';

export type AuditAction = 'create' | 'update' | 'delete';

/**
 * Appends one entry. Call it inside the same transaction as the write it describes, so a write
 * and its record stand or fall together.
 */
export function recordAudit(
  tx: DbOrTx,
  ctx: ServiceContext,
  action: AuditAction,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
): void {
  // The audit row is the most frequent write of all (every answer saved, thousands per import):
  // one statement, prepared once per connection.
  statement(tx, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    ctx.now().toISOString(),
    ctx.actor,
    action,
    entity,
    entityId,
    before === null || before === undefined ? null : JSON.stringify(before),
    after === null || after === undefined ? null : JSON.stringify(after),
  );
}

export function listAudit(
  ctx: ServiceContext,
  input: { entityId?: string | undefined; limit: number },
): z.infer<typeof AuditEntry>[] {
  const base = ctx.db.select().from(auditLog);
  const rows = (input.entityId ? base.where(eq(auditLog.entityId, input.entityId)) : base)
    .orderBy(desc(auditLog.seq))
    .limit(input.limit)
    .all();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
