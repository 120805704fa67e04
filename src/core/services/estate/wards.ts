import { eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contract';
import type { SexDesignation, WardType } from '../../../shared/domain/estate';
import type { DbOrTx, ServiceContext } from '../../context';
import { isoNow } from '../../context';
import { wards } from '../../db/schema';
import { notFound } from '../../errors';
import { recordAudit } from '../audit';
import { removeSubtree } from './remove';
import { assertNameFree } from './rules';
import { getSite } from './sites';
import { writeTransaction } from '../../db/transactions';

const wardColumns = {
  id: wards.id,
  siteId: wards.siteId,
  name: wards.name,
  type: sql<WardType>`${wards.type}`,
  bedCount: wards.bedCount,
  sexDesignation: sql<SexDesignation>`${wards.sexDesignation}`,
  block: wards.block,
  eamsBlockCode: wards.eamsBlockCode,
  createdAt: wards.createdAt,
  updatedAt: wards.updatedAt,
  areaCount: sql<number>`(SELECT count(*) FROM areas a WHERE a.ward_id = wards.id)`,
  assessmentCount: sql<number>`(SELECT count(*) FROM assessments x WHERE x.ward_id = wards.id)`,
};

export function listWards(ctx: ServiceContext, input: ParsedInput<'wards.list'>) {
  getSite(ctx.db, input.siteId);
  return ctx.db
    .select(wardColumns)
    .from(wards)
    .where(eq(wards.siteId, input.siteId))
    .orderBy(sql`lower(${wards.name})`)
    .all();
}

export function getWard(tx: DbOrTx, id: string) {
  const row = tx.select(wardColumns).from(wards).where(eq(wards.id, id)).get();
  if (!row) throw notFound('ward', id);
  return row;
}

function wardFields(input: ParsedInput<'wards.create'> | ParsedInput<'wards.update'>) {
  return {
    name: input.name,
    type: input.type,
    bedCount: input.bedCount,
    sexDesignation: input.sexDesignation,
    block: input.block,
    eamsBlockCode: input.eamsBlockCode,
  };
}

export function createWard(ctx: ServiceContext, input: ParsedInput<'wards.create'>) {
  return writeTransaction(ctx.db, (tx) => {
    const site = getSite(tx, input.siteId);
    assertNameFree(tx, 'wards', { column: 'site_id', id: input.siteId }, input.name, null, `A ward at ${site.name}`);
    const now = isoNow(ctx);
    const row = { id: ctx.newId(), siteId: input.siteId, ...wardFields(input), createdAt: now, updatedAt: now };
    tx.insert(wards).values(row).run();
    recordAudit(tx, ctx, 'create', 'ward', row.id, null, row);
    return getWard(tx, row.id);
  });
}

/** Renames the ward or corrects its type, beds, sex designation, block or EAMS code. */
export function updateWard(ctx: ServiceContext, input: ParsedInput<'wards.update'>) {
  return writeTransaction(ctx.db, (tx) => {
    const before = getWard(tx, input.id);
    assertNameFree(tx, 'wards', { column: 'site_id', id: before.siteId }, input.name, input.id, 'A ward at this site');
    const fields = wardFields(input);
    tx.update(wards)
      .set({ ...fields, updatedAt: isoNow(ctx) })
      .where(eq(wards.id, input.id))
      .run();
    const { id: _id, siteId: _siteId, areaCount: _a, assessmentCount: _n, createdAt: _c, updatedAt: _u, ...old } = before;
    recordAudit(tx, ctx, 'update', 'ward', input.id, old, fields);
    return getWard(tx, input.id);
  });
}

export function removeWard(ctx: ServiceContext, input: ParsedInput<'wards.remove'>) {
  return writeTransaction(ctx.db, (tx) => {
    const ward = getWard(tx, input.id);
    return removeSubtree(tx, ctx, { wardId: input.id }, `Ward "${ward.name}"`);
  });
}
