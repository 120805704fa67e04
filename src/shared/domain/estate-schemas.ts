import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import {
  AREA_TYPES,
  SEX_DESIGNATIONS,
  SUPERVISION_TIERS,
  WARD_TYPES,
  defaultTierFor,
  type AreaType,
} from './estate';

// The estate register's schemas. The forms and the services parse with the same ones, so
// what the form accepts is exactly what the store accepts.

export const Id = lazySchema(() => z.uuid({ message: 'Must be a record id (UUID)' }));

const name = (what: string) =>
  z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(120, `The ${what} must be 120 characters or fewer`);

/** Optional free code such as an EAMS site, block or room code; blank means "none". */
const optionalCode = (what: string) =>
  z
    .string()
    .trim()
    .max(32, `The ${what} must be 32 characters or fewer`)
    .regex(/^[A-Za-z0-9 ./_-]*$/, `The ${what} may only use letters, digits, spaces and . / _ -`)
    .optional()
    .transform((v) => (v ? v : null));

const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `The ${what} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null));

export const WardType = lazySchema(() => z.enum(WARD_TYPES, { message: 'Choose a ward type' }));
export const SexDesignation = lazySchema(() => z.enum(SEX_DESIGNATIONS, { message: 'Choose a sex designation' }));
export const AreaTypeSchema = lazySchema(() => z.enum(AREA_TYPES, { message: 'Choose an area type' }));
export const SupervisionTierSchema = lazySchema(() => z.union(
  SUPERVISION_TIERS.map((t) => z.literal(t)),
  { message: 'Choose supervision tier 1, 2 or 3' },
));

// ---- boards -------------------------------------------------------------------------------

export const BoardInput = lazySchema(() => z.object({
  name: name('board name'),
  /** Optional national board code, e.g. the Scottish Government S08 code. */
  code: optionalCode('board code'),
}));
export const BoardCreate = BoardInput;
export const BoardRename = lazySchema(() => z.object({ id: Id, name: name('board name') }));
export const Board = lazySchema(() => z.object({
  id: Id,
  name: z.string(),
  code: z.string().nullable(),
  siteCount: z.number().int(),
  wardCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}));

// ---- sites --------------------------------------------------------------------------------

export const SiteCreate = lazySchema(() => z.object({
  boardId: Id,
  name: name('site name'),
  eamsSiteCode: optionalCode('EAMS site code'),
}));
export const SiteRename = lazySchema(() => z.object({ id: Id, name: name('site name') }));
export const Site = lazySchema(() => z.object({
  id: Id,
  boardId: Id,
  name: z.string(),
  eamsSiteCode: z.string().nullable(),
  wardCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}));

// ---- wards --------------------------------------------------------------------------------

const wardFields = lazySchema(() => z.object({
  name: name('ward name'),
  type: WardType,
  bedCount: z
    .number({ message: 'Enter the number of beds as a whole number' })
    .int('Enter the number of beds as a whole number')
    .min(1, 'A ward has at least 1 bed')
    .max(200, 'Enter 200 beds or fewer'),
  sexDesignation: SexDesignation,
  block: optionalText('block or building name', 120),
  eamsBlockCode: optionalCode('EAMS block code'),
}));

export const WardCreate = lazySchema(() => z.object({ siteId: Id, ...wardFields.unwrap().shape }));
export const WardUpdate = lazySchema(() => z.object({ id: Id, ...wardFields.unwrap().shape }));
export const Ward = lazySchema(() => z.object({
  id: Id,
  siteId: Id,
  name: z.string(),
  type: WardType,
  bedCount: z.number().int(),
  sexDesignation: SexDesignation,
  block: z.string().nullable(),
  eamsBlockCode: z.string().nullable(),
  areaCount: z.number().int(),
  assessmentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}));

// ---- areas --------------------------------------------------------------------------------

export const areaFields = lazySchema(() => z.object({
  type: AreaTypeSchema,
  name: name('area name'),
  supervisionTier: SupervisionTierSchema,
  /** Required whenever the tier differs from the area type's default. */
  tierOverrideReason: optionalText('reason for the tier', 500),
  eamsRoomCode: optionalCode('EAMS room code'),
}));

/** A tier other than the area type's default must say why (CQC tiers: the assessor owns the call). */
export function requireReasonForTierOverride(
  value: { type: AreaType; supervisionTier: number; tierOverrideReason: string | null },
  ctx: z.RefinementCtx,
) {
  const expected = defaultTierFor(value.type);
  if (value.supervisionTier !== expected && !value.tierOverrideReason) {
    ctx.addIssue({
      code: 'custom',
      path: ['tierOverrideReason'],
      message: `Give a reason for using tier ${value.supervisionTier}: the default for this area type is tier ${expected}`,
    });
  }
}

export const AreaCreate = lazySchema(() => z.object({ wardId: Id, ...areaFields.unwrap().shape }).superRefine(requireReasonForTierOverride));
export const AreaUpdate = lazySchema(() => z.object({ id: Id, ...areaFields.unwrap().shape }).superRefine(requireReasonForTierOverride));
export const Area = lazySchema(() => z.object({
  id: Id,
  wardId: Id,
  type: AreaTypeSchema,
  name: z.string(),
  supervisionTier: SupervisionTierSchema,
  defaultTier: SupervisionTierSchema,
  tierOverrideReason: z.string().nullable(),
  eamsRoomCode: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}));

// ---- shared shapes ------------------------------------------------------------------------

export const ById = lazySchema(() => z.object({ id: Id }));
export const Removed = lazySchema(() => z.object({
  id: Id,
  /** What went with it, so the UI can say so (e.g. "2 sites, 6 wards, 40 areas"). */
  removed: z.object({ sites: z.number().int(), wards: z.number().int(), areas: z.number().int() }),
}));

/** One place in the estate, for breadcrumbs and headings. */
export const EstatePath = lazySchema(() => z.object({
  board: z.object({ id: Id, name: z.string() }),
  site: z.object({ id: Id, name: z.string() }).nullable(),
  ward: z.object({ id: Id, name: z.string() }).nullable(),
}));
