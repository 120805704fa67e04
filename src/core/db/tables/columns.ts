import { text } from 'drizzle-orm/sqlite-core';

/** ISO-8601 UTC timestamps, set by the services from the injected clock. */
export const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};
