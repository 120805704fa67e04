import type { CompareDomain } from '../../../../shared/contract/compare';
import type { Rating } from '../../../../shared/scoring';

// A rating is always shown as a word in a coloured tag: colour alone never carries the meaning.

export const RATING_LABELS: Record<Rating, string> = { red: 'Red', amber: 'Amber', green: 'Green', not_rated: 'Not rated' };
const TAG_COLOUR: Record<Rating, string> = { red: 'red', amber: 'orange', green: 'green', not_rated: 'grey' };

export const DOMAIN_LABELS: Record<CompareDomain, string> = {
  quality: 'Quality',
  safety: 'Safety',
  therapeutic: 'Therapeutic environment',
  ligature: 'Ligature risk',
};

export function RatingTag({ rating, count }: { rating: Rating; count?: number }) {
  return (
    <strong className={`nhsuk-tag nhsuk-tag--${TAG_COLOUR[rating]} app-rating-tag`}>
      {RATING_LABELS[rating]}
      {count !== undefined && ` ${count}`}
    </strong>
  );
}

/** "Red 1, Green 2": the non-zero counts, worst first. */
export function RatingCountTags({ counts }: { counts: Record<Rating, number> }) {
  const shown = (['red', 'amber', 'green', 'not_rated'] as const).filter((r) => counts[r] > 0);
  if (shown.length === 0) return <span>No wards</span>;
  return (
    <span className="app-rating-counts">
      {shown.map((rating) => (
        <RatingTag key={rating} rating={rating} count={counts[rating]} />
      ))}
    </span>
  );
}

/** A percentage to at most two decimals (quartiles can fall between tenths); a dash when there is none. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${Number(value.toFixed(2))}%`;
}
