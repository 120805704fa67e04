import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../context';
import { conflictOn } from '../../errors';

// Rules shared by every level of the estate register.

/**
 * Names are unique among siblings, ignoring case ("Ward 1" and "ward 1" would confuse every
 * report). The unique indexes enforce it too; this check gives the message a person can act on.
 */
export function assertNameFree(
  tx: DbOrTx,
  table: 'boards' | 'sites' | 'wards' | 'areas',
  parent: { column: 'board_id' | 'site_id' | 'ward_id'; id: string } | null,
  name: string,
  excludeId: string | null,
  description: string,
): void {
  const conditions: SQL[] = [sql`lower(name) = lower(${name})`];
  if (parent) conditions.push(sql`${sql.identifier(parent.column)} = ${parent.id}`);
  if (excludeId) conditions.push(sql`id <> ${excludeId}`);
  const clash = tx.get<{ id: string } | undefined>(
    sql`SELECT id FROM ${sql.identifier(table)} WHERE ${sql.join(conditions, sql` AND `)} LIMIT 1`,
  );
  if (clash) throw conflictOn('name', `${description} called "${name}" already exists`);
}

/** The wards under a board, site or ward that have assessments, with how many each. */
export function assessedWardsUnder(
  tx: DbOrTx,
  scope: { boardId: string } | { siteId: string } | { wardId: string },
): { name: string; assessments: number }[] {
  const where =
    'boardId' in scope
      ? sql`s.board_id = ${scope.boardId}`
      : 'siteId' in scope
        ? sql`w.site_id = ${scope.siteId}`
        : sql`w.id = ${scope.wardId}`;
  return tx.all<{ name: string; assessments: number }>(sql`
    SELECT w.name AS name, count(a.id) AS assessments
    FROM wards w JOIN sites s ON s.id = w.site_id JOIN assessments a ON a.ward_id = w.id
    WHERE ${where}
    GROUP BY w.id ORDER BY lower(w.name)`);
}

/**
 * Refuses a removal that would take assessments with it: they are evidence. For a board or site
 * the message names the wards that were assessed; for a ward or area it says how many.
 */
export function assertNoAssessments(
  assessed: { name: string; assessments: number }[],
  what: string,
  level: 'board or site' | 'ward or area',
): void {
  if (assessed.length === 0) return;
  const plural = (n: number) => `${n} assessment${n === 1 ? '' : 's'}`;
  const because =
    level === 'ward or area'
      ? `it is part of ${plural(assessed.reduce((sum, w) => sum + w.assessments, 0))}`
      : `it has assessed wards: ${assessed.map((w) => `${w.name} (${plural(w.assessments)})`).join(', ')}`;
  throw conflictOn(
    'id',
    `${what} cannot be removed because ${because}. Assessments are kept as evidence; ` +
      'rename the record instead, or keep it for history.',
  );
}
