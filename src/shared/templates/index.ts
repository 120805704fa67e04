export * from './schema';
export * from './item-schema';
export * from './references';
export * from './parse';
export * from './applicability';
export * from './diff';
