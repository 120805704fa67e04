export * from './actions';
export * from './controls';
export * from './inputs';
export * from './issues';
export * from './answers';
export * from './numbers';
export * from './rating';
export * from './tally';
export * from './compliance-values';
export * from './compliance';
export * from './ligature-risk';
export * from './ligature-summary';
export * from './ligature';
export * from './ward';
export * from './statistics';
export * from './rollup';
export * from './sign-off-rules';
export * from './reasons';

/**
 * The version of the scoring method this engine implements (resources/docs/scoring-method.md,
 * "method version N"). Stored beside cached scores and carried in exchange files: change it
 * whenever a rule changes. Version 2 closed the paths by which an unsafe ward could rate better
 * than it is (every action of a point counts, tier reasons, N/A reasons, risk without its point,
 * "not rated" before amber); results kept from version 1 are shown as they were, never re-rated.
 */
export const SCORING_METHOD_VERSION = 2;
export const SCORING_ENGINE_VERSION = `mhea-scoring/${SCORING_METHOD_VERSION}`;
