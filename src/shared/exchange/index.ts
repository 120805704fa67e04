export * from './schema';
export * from './scoring-input';
export * from './serialise';
export * from './csv';
