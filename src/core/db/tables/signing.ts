import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The register of boards' public signing keys, kept by the national collator (NHS Scotland
 * Assure): a return signed with one of these keys is known to come from its board. No foreign key
 * to boards: a board's key is registered before its first return arrives.
 */
export const trustedKeys = sqliteTable(
  'trusted_keys',
  {
    /** SHA-256 (hex) of the public key (SubjectPublicKeyInfo, DER). */
    keyId: text('key_id').primaryKey(),
    boardId: text('board_id').notNull(),
    /** The board's name as its key file gave it. */
    boardName: text('board_name').notNull(),
    /** The Ed25519 public key, SubjectPublicKeyInfo DER in base64. */
    publicKey: text('public_key').notNull(),
    /** When the board made the key. */
    keyCreatedAt: text('key_created_at').notNull(),
    registeredAt: text('registered_at').notNull(),
    registeredBy: text('registered_by').notNull(),
  },
  (t) => [index('trusted_keys_board_idx').on(t.boardId)],
);

/** Settings of this database that a person chooses (one row each, JSON values), e.g. whether unsigned returns are accepted. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});
