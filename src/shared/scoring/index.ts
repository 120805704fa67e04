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
export * from './reasons';

/**
 * The version of the scoring method this engine implements (resources/docs/scoring-method.md).
 * Stored beside cached scores and carried in exchange files: change it whenever a rule changes.
 */
export const SCORING_ENGINE_VERSION = 'mhea-scoring/1';
