import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Every checklist template version ever installed, stored whole with its content hash. Rows are
 * never changed or removed: an assessment scores against the exact version it pinned.
 */
export const templates = sqliteTable(
  'templates',
  {
    /** "<templateId>@<version>", e.g. "safety@2026.1". */
    key: text('key').primaryKey(),
    templateId: text('template_id').notNull(),
    domain: text('domain').notNull(),
    version: text('version').notNull(),
    title: text('title').notNull(),
    /** SHA-256 (hex) of the canonical JSON in `content`. */
    contentHash: text('content_hash').notNull(),
    /** Canonical JSON of the validated template. */
    content: text('content').notNull(),
    /** "bundled" for the app's own files, else the name of the installed file. */
    source: text('source').notNull(),
    installedAt: text('installed_at').notNull(),
    installedBy: text('installed_by').notNull(),
  },
  (t) => [uniqueIndex('templates_id_version_unique').on(t.templateId, t.version), index('templates_domain_idx').on(t.domain)],
);

/** Which version new assessments use, per domain. Old assessments keep the version they pinned. */
export const currentTemplates = sqliteTable('current_templates', {
  domain: text('domain').primaryKey(),
  templateKey: text('template_key')
    .notNull()
    .references(() => templates.key, { onDelete: 'restrict' }),
  setAt: text('set_at').notNull(),
  setBy: text('set_by').notNull(),
});
