import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { WARD_TYPES, type WardType } from '../domain/estate';
import type { ComplianceDomain } from '../templates/schema';
import { RISK_BANDS, type RiskBand } from './ligature-risk';
import { emptyBandTierCounts, type BandTierCounts } from './ligature-summary';
import { per10BedsToTenth } from './numbers';
import { RATINGS, countRatings, type RatingCounts } from './rating';
import { distributionOf, type Distribution } from './statistics';
import type { WardScores } from './ward';

// Site, board and national roll-ups: the four domains side by side, each as a distribution.
// There is no blended index — a single number would let a good domain hide a red one.

const TierCountsSchema = lazySchema(() => z.object({
  tier1: z.number().int().min(0),
  tier2: z.number().int().min(0),
  tier3: z.number().int().min(0),
}));
const ComplianceWardSummary = lazySchema(() => z.object({
  rating: z.enum(RATINGS),
  percentage: z.number().min(0).max(100).nullable(),
}));

/** What a roll-up needs from one scored ward (also what an exchange file carries). */
export const RollupWard = lazySchema(() => z.object({
  wardId: z.string().min(1),
  wardType: z.enum(WARD_TYPES),
  bedCount: z.number().int().min(1),
  quality: ComplianceWardSummary,
  safety: ComplianceWardSummary,
  therapeutic: ComplianceWardSummary,
  ligature: z.object({
    rating: z.enum(RATINGS),
    residualByBandAndTier: z.object({
      low: TierCountsSchema,
      moderate: TierCountsSchema,
      high: TierCountsSchema,
      extreme: TierCountsSchema,
    }),
  }),
}));
export type RollupWard = z.infer<typeof RollupWard>;

export function rollupWardFromScores(ward: { id: string; type: WardType; bedCount: number }, scores: WardScores): RollupWard {
  const compliance = (domain: ComplianceDomain) => ({
    rating: scores[domain].rating,
    percentage: scores[domain].percentage,
  });
  return {
    wardId: ward.id,
    wardType: ward.type,
    bedCount: ward.bedCount,
    quality: compliance('quality'),
    safety: compliance('safety'),
    therapeutic: compliance('therapeutic'),
    ligature: { rating: scores.ligature.rating, residualByBandAndTier: scores.ligature.summary.residualByBandAndTier },
  };
}

export interface ComplianceGroupRollup {
  wardCount: number;
  ratingCounts: RatingCounts;
  /** Over wards with a percentage (not-rated wards without one are left out). */
  distribution: Distribution | null;
}

export interface ComplianceRollup extends ComplianceGroupRollup {
  byWardType: (ComplianceGroupRollup & { wardType: WardType })[];
}

export interface LigatureGroupRollup {
  wardCount: number;
  ratingCounts: RatingCounts;
  residualByBandAndTier: BandTierCounts;
  highExtremeResidual: number;
  bedCount: number;
  /** Pooled: all high and extreme residual points ÷ all beds × 10 (not a mean of ward rates). */
  highExtremeResidualPer10Beds: number | null;
}

export interface LigatureRollup extends LigatureGroupRollup {
  byWardType: (LigatureGroupRollup & { wardType: WardType })[];
}

export interface Rollup {
  wardCount: number;
  quality: ComplianceRollup;
  safety: ComplianceRollup;
  therapeutic: ComplianceRollup;
  ligature: LigatureRollup;
}

export function rollUp(wards: readonly RollupWard[]): Rollup {
  const types = WARD_TYPES.filter((type) => wards.some((ward) => ward.wardType === type));
  const ofType = (type: WardType) => wards.filter((ward) => ward.wardType === type);
  const compliance = (domain: ComplianceDomain): ComplianceRollup => ({
    ...complianceGroup(wards, domain),
    byWardType: types.map((wardType) => ({ wardType, ...complianceGroup(ofType(wardType), domain) })),
  });
  return {
    wardCount: wards.length,
    quality: compliance('quality'),
    safety: compliance('safety'),
    therapeutic: compliance('therapeutic'),
    ligature: {
      ...ligatureGroup(wards),
      byWardType: types.map((wardType) => ({ wardType, ...ligatureGroup(ofType(wardType)) })),
    },
  };
}

function complianceGroup(wards: readonly RollupWard[], domain: ComplianceDomain): ComplianceGroupRollup {
  const percentages = wards.map((ward) => ward[domain].percentage).filter((p): p is number => p !== null);
  return {
    wardCount: wards.length,
    ratingCounts: countRatings(wards.map((ward) => ward[domain].rating)),
    distribution: distributionOf(percentages),
  };
}

function ligatureGroup(wards: readonly RollupWard[]): LigatureGroupRollup {
  const counts = emptyBandTierCounts();
  for (const ward of wards) {
    for (const band of RISK_BANDS) {
      for (const tier of ['tier1', 'tier2', 'tier3'] as const) {
        counts[band][tier] += ward.ligature.residualByBandAndTier[band][tier];
      }
    }
  }
  const bandTotal = (band: RiskBand) => counts[band].tier1 + counts[band].tier2 + counts[band].tier3;
  const highExtremeResidual = bandTotal('high') + bandTotal('extreme');
  const bedCount = wards.reduce((sum, ward) => sum + ward.bedCount, 0);
  return {
    wardCount: wards.length,
    ratingCounts: countRatings(wards.map((ward) => ward.ligature.rating)),
    residualByBandAndTier: counts,
    highExtremeResidual,
    bedCount,
    highExtremeResidualPer10Beds: bedCount > 0 ? per10BedsToTenth(highExtremeResidual, bedCount) : null,
  };
}

/** An assessment that may stand for its ward in a roll-up. */
export interface RollupCandidate {
  wardId: string;
  round: string;
  status: 'draft' | 'signed_off';
  assessedOn: string;
  createdAt: string;
}

/**
 * The assessment that stands for each ward in a roll-up (method 5.5). Only signed-off
 * assessments count unless drafts are asked for. Of those, the round asked for (without one, the
 * ward's latest round); within it a signed-off assessment before a draft, then the later
 * assessment date, then the later record. One per ward, in the order the wards first appear.
 */
export function currentAssessments<C extends RollupCandidate>(candidates: readonly C[], options: { round?: string; includeDrafts: boolean }): C[] {
  const better = (a: C, b: C) =>
    a.round !== b.round
      ? a.round > b.round
      : a.status !== b.status
        ? a.status === 'signed_off'
        : a.assessedOn !== b.assessedOn
          ? a.assessedOn > b.assessedOn
          : a.createdAt > b.createdAt;
  const chosen = new Map<string, C>();
  for (const candidate of candidates) {
    if (!options.includeDrafts && candidate.status !== 'signed_off') continue;
    if (options.round !== undefined && candidate.round !== options.round) continue;
    const held = chosen.get(candidate.wardId);
    if (!held || better(candidate, held)) chosen.set(candidate.wardId, candidate);
  }
  return [...chosen.values()];
}
