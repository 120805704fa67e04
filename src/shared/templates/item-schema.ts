import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { AREA_TYPES, SUPERVISION_TIERS } from '../domain/estate';
import { GUIDANCE_DOCUMENTS } from './references';

// One checklist item as written in a template file. Field messages are phrased to follow
// "<file>: item <id> → <field>:" (see parse.ts), so they read as the end of that sentence.

export const ITEM_ID_PATTERN = /^[QSLT]\d{2,3}$/;
const SLUG_PATTERN = /^[a-z][a-z0-9_]*$/;

const text = (min: number, max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(min, `must be at least ${min} characters`)
    .max(max, `must be ${max} characters or fewer`);

export const ItemId = lazySchema(() =>
  z
    .string({ error: 'must be text' })
    .regex(ITEM_ID_PATTERN, 'must be a letter Q, S, L or T followed by 2 or 3 digits, e.g. S07'),
);
export const SectionId = lazySchema(() =>
  z
    .string({ error: 'must be text' })
    .regex(SLUG_PATTERN, 'must be lower-case letters, digits and underscores, starting with a letter'),
);

const AreaTypeId = lazySchema(() => z.enum(AREA_TYPES, { error: `must be one of the area types: ${AREA_TYPES.join(', ')}` }));
const Tier = lazySchema(() => z.literal(SUPERVISION_TIERS, { error: 'must be supervision tier 1, 2 or 3' }));

/**
 * Where an item is asked. `ward`: once per ward. `area`: once for every area of the listed types
 * ("all" = every area type); `minTier` narrows that to areas at or above a supervision tier, e.g.
 * a ceiling prompt asked in every tier 2 or tier 3 area whatever its type.
 */
export const AppliesTo = lazySchema(() => z.discriminatedUnion(
  'scope',
  [
    z.strictObject({ scope: z.literal('ward') }),
    z.strictObject({
      scope: z.literal('area'),
      areaTypes: z.union(
        [
          z.literal('all'),
          z
            .array(AreaTypeId)
            .min(1, 'must list at least one area type (or be "all")')
            .refine((types) => new Set(types).size === types.length, 'must not list an area type twice'),
        ],
        { error: 'must be "all" or a list of area types' },
      ),
      minTier: Tier.optional(),
    }),
  ],
  { error: 'must have scope "ward" or "area"' },
));
export type AppliesTo = z.infer<typeof AppliesTo>;

const allowNa = lazySchema(() => z.boolean({ error: 'must be true or false' }));

/**
 * Numbers are banded onto yes / partial / no so they score like any other item.
 * higher_is_better: value ≥ yes → yes, ≥ partial → partial, else no.
 * lower_is_better:  value ≤ yes → yes, ≤ partial → partial, else no.
 */
export const NumberBanding = lazySchema(() => z.strictObject({
  direction: z.enum(['higher_is_better', 'lower_is_better'], {
    error: 'must be "higher_is_better" or "lower_is_better"',
  }),
  yes: z.number({ error: 'must be a number' }),
  partial: z.number({ error: 'must be a number' }),
}));
export type NumberBanding = z.infer<typeof NumberBanding>;

export const ComplianceResponse = lazySchema(() => z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('yes_partial_no'), allowNa }),
    z.strictObject({ type: z.literal('yes_no'), allowNa }),
    z.strictObject({ type: z.literal('grade'), allowNa }),
    z.strictObject({
      type: z.literal('number'),
      unit: text(1, 20),
      min: z.number({ error: 'must be a number' }),
      max: z.number({ error: 'must be a number' }),
      integer: z.boolean({ error: 'must be true or false' }),
      banding: NumberBanding,
      allowNa,
    }),
  ],
  { error: 'must have type "yes_partial_no", "yes_no", "grade" or "number"' },
));
export type ComplianceResponse = z.infer<typeof ComplianceResponse>;

export const Guidance = lazySchema(() => z.strictObject({
  whatGoodLooksLike: text(20, 800),
  whatToCheck: text(20, 800),
}));

export const Reference = lazySchema(() => z.strictObject({
  doc: z.enum(GUIDANCE_DOCUMENTS, { error: 'must be one of the named guidance documents (see references.ts)' }),
  note: text(3, 300).optional(),
}));

const commonItemFields = lazySchema(() => z.object({
  id: ItemId,
  sectionId: SectionId,
  question: text(10, 300),
  guidance: Guidance,
  appliesTo: AppliesTo,
  references: z.array(Reference).min(1, 'must cite at least one guidance document'),
}));

export const ComplianceItem = lazySchema(() =>
  z
    .strictObject({
      ...commonItemFields.unwrap().shape,
      response: ComplianceResponse,
      weight: z.literal([1, 2, 3], { error: 'must be 1, 2 or 3' }),
      /** A "no" (grade D, number banded to no) forces the domain red: the AIMS type 1 analogue. */
      critical: z.boolean({ error: 'must be true or false' }),
    })
    .superRefine((item, ctx) => {
      if (item.critical && item.weight !== 3) {
        ctx.addIssue({ code: 'custom', path: ['critical'], message: 'only a weight 3 item can be critical' });
      }
      if (item.response.type === 'number') checkNumberResponse(item.response, ctx);
    }),
);
export type ComplianceItem = z.infer<typeof ComplianceItem>;

function checkNumberResponse(
  response: Extract<ComplianceResponse, { type: 'number' }>,
  ctx: z.RefinementCtx,
): void {
  const { min, max, banding } = response;
  const at = (...path: string[]) => ['response', ...path];
  if (!(min < max)) ctx.addIssue({ code: 'custom', path: at('max'), message: 'must be greater than min' });
  for (const cut of ['yes', 'partial'] as const) {
    if (banding[cut] < min || banding[cut] > max) {
      ctx.addIssue({ code: 'custom', path: at('banding', cut), message: `must lie between min (${min}) and max (${max})` });
    }
  }
  const ordered = banding.direction === 'higher_is_better' ? banding.yes > banding.partial : banding.yes < banding.partial;
  if (!ordered) {
    const relation = banding.direction === 'higher_is_better' ? 'greater' : 'less';
    ctx.addIssue({
      code: 'custom',
      path: at('banding', 'partial'),
      message: `the yes cut-off must be ${relation} than the partial cut-off when ${banding.direction}`,
    });
  }
}

/** A ligature prompt: "is there an anchor risk here?" — answered no_risk, risk_present or na. */
export const LigaturePrompt = lazySchema(() => z.strictObject({
  ...commonItemFields.unwrap().shape,
  /** Elements to look at, offered to the assessor as element names for a new ligature point. */
  lookFor: z.array(text(2, 80)).min(1, 'must list at least one element to look at'),
}));
export type LigaturePrompt = z.infer<typeof LigaturePrompt>;
