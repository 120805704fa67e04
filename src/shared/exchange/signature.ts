import { z } from 'zod';
import { lazySchema } from '../lazy-schema';

// A board signs its return so the collator knows who made it: the digest proves the file was not
// altered, but anyone can recompute a digest. The signature is Ed25519 over the return's digest
// (with a fixed prefix, so the signature cannot be taken for one over anything else), so it does
// not depend on the shape of the return's content and stays outside what the digest covers.

export const SIGNATURE_ALGORITHM = 'Ed25519';

const Base64 = (bytes: number) =>
  z
    .string()
    .length(Math.ceil(bytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Must be base64');

/** An Ed25519 public key as SubjectPublicKeyInfo DER (44 bytes), in base64. */
export const PublicKeyBase64 = lazySchema(() => Base64(44));
/** SHA-256 (lower-case hex) of the public key's DER: the key's id. */
export const KeyId = lazySchema(() => z.string().regex(/^[0-9a-f]{64}$/, 'Must be a key id (64 hex digits)'));

export const ExchangeSignature = lazySchema(() => z.strictObject({
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  keyId: KeyId,
  publicKey: PublicKeyBase64,
  /** The 64-byte Ed25519 signature of signedMessage(digest), in base64. */
  value: Base64(64),
}));
export type ExchangeSignature = z.infer<typeof ExchangeSignature>;

/** What a board's key signs for a return with this digest. */
export function signedMessage(digest: string): string {
  return `mhea-exchange signature v1\n${digest}`;
}

/** How a key is shown to a person: the first 16 hex digits of its id, in fours ("3F2A 9C01 77BE 4D10"). */
export function keyLabel(keyId: string): string {
  return (keyId.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

/** A board's public key as it travels to the collator (the file "Download public key" saves). */
export const PublicKeyFile = lazySchema(() => z.strictObject({
  format: z.literal('mhea-board-public-key'),
  formatVersion: z.literal(1),
  board: z.strictObject({ id: z.uuid(), name: z.string().min(1).max(120), code: z.string().max(32).nullable() }),
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  keyId: KeyId,
  publicKey: PublicKeyBase64,
  createdAt: z.iso.datetime({ offset: true }),
}));
export type PublicKeyFile = z.infer<typeof PublicKeyFile>;

/** Whether this database accepts returns without a signature: only from boards with no registered key, or never. */
export const UNSIGNED_RETURN_POLICIES = ['accept_from_boards_without_key', 'refuse'] as const;
export type UnsignedReturnPolicy = (typeof UNSIGNED_RETURN_POLICIES)[number];
