// The store's tables. Change them, then `npm run db:generate -- --name what_changed`, review the
// SQL drizzle-kit writes into drizzle/, and commit both. Ids are UUIDs or derived from content
// (records travel between boards and the national collator); timestamps are ISO-8601 UTC text.
export * from './tables/estate';
export * from './tables/audit';
export * from './tables/templates';
export * from './tables/assessments';
export * from './tables/merge';
export * from './tables/signing';
