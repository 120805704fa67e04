import type { CompareRow } from '../../../shared/contract/compare';
import { RISK_BANDS, distributionOf, percentToTenth, rollUp, type Rollup } from '../../../shared/scoring';
import type { ComplianceDomain } from '../../../shared/templates';
import type { ScoredWard } from '../scores/scored-wards';

// One row of the comparison from a group of scored wards: rollUp does the counts, medians,
// quartiles and per-10-beds; completeness and the en-suite share are added beside it.

export interface EnSuiteCount {
  bedrooms: number;
  enSuites: number;
}

type RowFigures = Omit<CompareRow, 'kind' | 'id' | 'name' | 'ward'>;

/** `own`: a ward row, which shows the ward's own ratings rather than only counts. */
export function rowFigures(group: readonly ScoredWard[], enSuite: ReadonlyMap<string, EnSuiteCount>, own: boolean): RowFigures {
  const rollup = rollUp(group.map((w) => w.rollup));
  const single = own ? group[0] : undefined;
  const compliance = (domain: ComplianceDomain) => ({
    rating: single ? single.scores[domain].rating : null,
    ratingCounts: rollup[domain].ratingCounts,
    percentage: rollup[domain].distribution,
    completeness: distributionOf(present(group.map((w) => w.scores[domain].completeness))),
  });
  return {
    wardCount: group.length,
    draftCount: group.filter((w) => w.assessment.status === 'draft').length,
    bedCount: rollup.ligature.bedCount,
    quality: compliance('quality'),
    safety: compliance('safety'),
    therapeutic: compliance('therapeutic'),
    ligature: {
      rating: single ? single.scores.ligature.rating : null,
      ratingCounts: rollup.ligature.ratingCounts,
      completeness: distributionOf(present(group.map((w) => w.scores.ligature.prompts.completeness))),
      residualByBand: residualByBand(rollup),
      highExtremeResidual: rollup.ligature.highExtremeResidual,
      bedCount: rollup.ligature.bedCount,
      highExtremeResidualPer10Beds: rollup.ligature.highExtremeResidualPer10Beds,
    },
    enSuite: enSuiteShare(group, enSuite),
  };
}

function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

function residualByBand(rollup: Rollup): CompareRow['ligature']['residualByBand'] {
  const counts = rollup.ligature.residualByBandAndTier;
  const out = { low: 0, moderate: 0, high: 0, extreme: 0 };
  for (const band of RISK_BANDS) out[band] = counts[band].tier1 + counts[band].tier2 + counts[band].tier3;
  return out;
}

/**
 * Single en-suite bedrooms (definition in src/shared/contract/compare.ts): per ward,
 * min(bedroom areas, en-suite areas) as assessed; pooled over the group.
 */
function enSuiteShare(group: readonly ScoredWard[], enSuite: ReadonlyMap<string, EnSuiteCount>): CompareRow['enSuite'] {
  let bedrooms = 0;
  let enSuiteBedrooms = 0;
  for (const ward of group) {
    const count = enSuite.get(ward.assessment.id) ?? { bedrooms: 0, enSuites: 0 };
    bedrooms += count.bedrooms;
    enSuiteBedrooms += Math.min(count.bedrooms, count.enSuites);
  }
  return { bedrooms, enSuiteBedrooms, share: bedrooms > 0 ? percentToTenth(enSuiteBedrooms, bedrooms) : null };
}
