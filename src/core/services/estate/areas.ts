import { eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import { defaultTierFor, type AreaType, type SupervisionTier } from '../../../shared/domain/estate';
import type { DbOrTx, ServiceContext } from '../../context';
import { isoNow } from '../../context';
import { areas } from '../../db/schema';
import { notFound } from '../../errors';
import { recordAudit } from '../audit';
import { assertNameFree, assertNoAssessments } from './rules';
import { getWard } from './wards';
import { writeTransaction } from '../../db/transactions';
import { compareNames } from '../../../shared/names';

type AreaRow = typeof areas.$inferSelect;

function toArea(row: AreaRow) {
  const type = row.type as AreaType;
  return {
    ...row,
    type,
    supervisionTier: row.supervisionTier as SupervisionTier,
    defaultTier: defaultTierFor(type),
  };
}

export function listAreas(ctx: ServiceContext, input: ParsedInput<'areas.list'>) {
  getWard(ctx.db, input.wardId);
  // Natural order: "Bedroom 2" before "Bedroom 10".
  const rows = ctx.db.select().from(areas).where(eq(areas.wardId, input.wardId)).orderBy(sql`lower(${areas.name})`).all();
  return rows.map(toArea).sort((a, b) => compareNames(a.name, b.name));
}

export function getArea(tx: DbOrTx, id: string) {
  const row = tx.select().from(areas).where(eq(areas.id, id)).get();
  if (!row) throw notFound('area', id);
  return toArea(row);
}

function areaFields(input: ParsedInput<'areas.create'> | ParsedInput<'areas.update'>) {
  // A reason is kept only while the tier differs from the default; it explains an override.
  const overridden = input.supervisionTier !== defaultTierFor(input.type);
  return {
    type: input.type,
    name: input.name,
    supervisionTier: input.supervisionTier,
    tierOverrideReason: overridden ? input.tierOverrideReason : null,
    eamsRoomCode: input.eamsRoomCode,
  };
}

export function createArea(ctx: ServiceContext, input: ParsedInput<'areas.create'>) {
  return writeTransaction(ctx.db, (tx) => insertArea(tx, ctx, input));
}

/** The rules and the write of areas.create, inside the caller's transaction (also used mid-walkthrough). */
export function insertArea(tx: DbOrTx, ctx: ServiceContext, input: ParsedInput<'areas.create'>) {
  const ward = getWard(tx, input.wardId);
  assertNameFree(tx, 'areas', { column: 'ward_id', id: input.wardId }, input.name, null, `An area on ${ward.name}`);
  const now = isoNow(ctx);
  const row = { id: ctx.newId(), wardId: input.wardId, ...areaFields(input), createdAt: now, updatedAt: now };
  tx.insert(areas).values(row).run();
  recordAudit(tx, ctx, 'create', 'area', row.id, null, row);
  return getArea(tx, row.id);
}

export function updateArea(ctx: ServiceContext, input: ParsedInput<'areas.update'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = getArea(tx, input.id);
    assertNameFree(tx, 'areas', { column: 'ward_id', id: before.wardId }, input.name, input.id, 'An area on this ward');
    const fields = areaFields(input);
    tx.update(areas)
      .set({ ...fields, updatedAt: isoNow(ctx) })
      .where(eq(areas.id, input.id))
      .run();
    const { type, name, supervisionTier, tierOverrideReason, eamsRoomCode } = before;
    recordAudit(tx, ctx, 'update', 'area', input.id, { type, name, supervisionTier, tierOverrideReason, eamsRoomCode }, fields);
    return getArea(tx, input.id);
  });
}

/**
 * Removes one area. (When answers are recorded against areas, the walkthrough's schema must keep
 * them: an answered area is evidence, so its foreign key is RESTRICT and this must refuse.)
 */
export function removeArea(ctx: ServiceContext, input: ParsedInput<'areas.remove'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = getArea(tx, input.id);
    assertNoAssessments(assessmentsOfArea(tx, input.id), `The area "${before.name}"`, 'ward or area');
    tx.delete(areas).where(eq(areas.id, input.id)).run();
    recordAudit(tx, ctx, 'delete', 'area', input.id, before, null);
    return { id: input.id, removed: { sites: 0, wards: 0, areas: 1 } };
  });
}

/** The ward's assessments that covered this area (their snapshot, answers or ligature points). */
function assessmentsOfArea(tx: DbOrTx, areaId: string): { name: string; assessments: number }[] {
  const row = tx.get<{ name: string; assessments: number }>(sql`
    SELECT w.name AS name, count(DISTINCT x.assessment_id) AS assessments
    FROM areas a JOIN wards w ON w.id = a.ward_id
    JOIN (
      SELECT assessment_id, area_id FROM assessment_areas
      UNION ALL SELECT assessment_id, area_id FROM answers WHERE area_id IS NOT NULL
      UNION ALL SELECT assessment_id, area_id FROM ligature_points
    ) x ON x.area_id = a.id
    WHERE a.id = ${areaId}
    GROUP BY w.id`);
  return row ? [row] : [];
}
