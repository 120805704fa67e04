// RAG ratings. There is deliberately no way to average ratings: one red domain or one extreme
// ligature point must never be diluted by good results elsewhere.

export const RATINGS = ['red', 'amber', 'green', 'not_rated'] as const;
export type Rating = (typeof RATINGS)[number];

export type RatingCounts = Record<Rating, number>;

export function emptyRatingCounts(): RatingCounts {
  return { red: 0, amber: 0, green: 0, not_rated: 0 };
}

export function countRatings(ratings: readonly Rating[]): RatingCounts {
  const counts = emptyRatingCounts();
  for (const rating of ratings) counts[rating] += 1;
  return counts;
}

/**
 * The worst of several ratings: red, then "not rated", then amber, then green. An unrated domain
 * is unknown, and missing evidence is never hidden under a better rating: not under green, and
 * not under amber either, which would claim the worst is known. Empty input is "not rated".
 */
export function worstRating(ratings: readonly Rating[]): Rating {
  for (const rating of ['red', 'not_rated', 'amber'] as const) {
    if (ratings.includes(rating)) return rating;
  }
  return ratings.length > 0 ? 'green' : 'not_rated';
}
