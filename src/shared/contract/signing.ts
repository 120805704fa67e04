import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { Id } from '../domain/estate-schemas';
import { KeyId, UNSIGNED_RETURN_POLICIES } from '../exchange/signature';
import type { ContractSlice } from './types';

export const BoardSigningKey = lazySchema(() => z.object({
  boardId: z.string(),
  boardName: z.string(),
  /** The board's key on this computer, or null. */
  key: z.object({ keyId: z.string(), label: z.string(), createdAt: z.string() }).nullable(),
  /** No key here for this door, but one made by another (e.g. the desktop app's, sealed for it). */
  heldElsewhere: z.boolean(),
}));

export const TrustedKey = lazySchema(() => z.object({
  keyId: z.string(),
  label: z.string(),
  boardId: z.string(),
  boardName: z.string(),
  publicKey: z.string(),
  keyCreatedAt: z.string(),
  registeredAt: z.string(),
  registeredBy: z.string(),
}));

export const UnsignedReturns = lazySchema(() => z.enum(UNSIGNED_RETURN_POLICIES));

export const SigningStatus = lazySchema(() => z.object({
  /** Where this computer keeps boards' private keys, in words, and the folder. */
  storage: z.string(),
  keysFolder: z.string(),
  boards: z.array(BoardSigningKey),
  /** The register of boards' public keys (the collator's). */
  registered: z.array(TrustedKey),
  unsignedReturns: UnsignedReturns,
}));

const KeyFileInput = lazySchema(() => z.object({
  fileName: z.string().trim().min(1, 'Name the file').max(255),
  content: z.string().max(64 * 1024, 'A public key file is a few hundred bytes: this is not one'),
}));

/** Signed returns: a board's own keys, and the collator's register of boards' public keys. */
export const signingContract = {
  'signing.status': () => ({ input: z.object({}).strict(), output: SigningStatus }),
  /** Makes the board's signing key on this computer; refused if it has one, unless `replace`. */
  'signing.createKey': () => ({ input: z.object({ boardId: Id, replace: z.boolean().default(false) }).strict(), output: BoardSigningKey }),
  /** The board's public key as a file to send to NHS Scotland Assure. */
  'signing.exportPublicKey': () => ({ input: z.object({ boardId: Id }).strict(), output: z.object({ fileName: z.string(), content: z.string() }) }),
  /** Registers a board's public key from its file (collator). */
  'signing.registerKey': () => ({ input: KeyFileInput.unwrap().strict(), output: TrustedKey }),
  /** Takes a key off the register: returns signed with it are refused from then on. */
  'signing.removeKey': () => ({ input: z.object({ keyId: KeyId }).strict(), output: z.object({ removed: z.string() }) }),
  /** Whether returns without a signature are accepted (only from boards with no registered key) or refused. */
  'signing.setUnsignedReturns': () => ({ input: z.object({ policy: UnsignedReturns }).strict(), output: z.object({ unsignedReturns: UnsignedReturns }) }),
} satisfies ContractSlice;
