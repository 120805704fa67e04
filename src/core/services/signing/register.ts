import { createPublicKey } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ParsedInput } from '../../../shared/contract';
import type { TrustedKey } from '../../../shared/contract/signing';
import type { ExchangeDocument } from '../../../shared/exchange/schema';
import { keyLabel, PublicKeyFile, UNSIGNED_RETURN_POLICIES, type UnsignedReturnPolicy } from '../../../shared/exchange/signature';
import type { DbOrTx, ServiceContext } from '../../context';
import { settings, trustedKeys } from '../../db/schema';
import { writeTransaction } from '../../db/transactions';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { parseUntrustedJson } from '../exchange/safe-json';
import { keyIdOf } from './crypto';

// The collator's side (NHS Scotland Assure): a register of boards' public keys, and the rule for
// returns: a signed return must be signed by a key registered for its own board; an unsigned one
// is accepted only from a board with no registered key, and only while the setting allows it.

type Trusted = z.infer<typeof TrustedKey>;

const UNSIGNED_SETTING = 'unsignedReturns';
/** Until a collator decides otherwise: boards roll keys out one by one, and none may be locked out meanwhile. */
export const DEFAULT_UNSIGNED_POLICY: UnsignedReturnPolicy = 'accept_from_boards_without_key';

function trusted(row: typeof trustedKeys.$inferSelect): Trusted {
  return { ...row, label: keyLabel(row.keyId) };
}

export function listTrustedKeys(db: DbOrTx): Trusted[] {
  return db.select().from(trustedKeys).orderBy(trustedKeys.boardName, trustedKeys.registeredAt).all().map(trusted);
}

/** Registers a board's public key from the file its board exported; the same key twice changes nothing. */
export function registerKey(ctx: ServiceContext, input: ParsedInput<'signing.registerKey'>): Trusted {
  const refuse = (problem: string): never => {
    const message = `${input.fileName}: ${problem}`;
    throw new AppError('VALIDATION', message, [{ path: ['content'], message }]);
  };
  const json = parseUntrustedJson(input.content, 64 * 1024);
  if (!json.ok) return refuse(json.problem);
  const parsed = PublicKeyFile.safeParse(json.value);
  if (!parsed.success) return refuse('is not a board’s public key file (make one on the board’s Signing keys page: “Download public key”)');
  const file = parsed.data;
  let keyId: string;
  try {
    keyId = keyIdOf(createPublicKey({ key: Buffer.from(file.publicKey, 'base64'), format: 'der', type: 'spki' }));
  } catch {
    return refuse('its public key cannot be read as an Ed25519 key');
  }
  if (keyId !== file.keyId) return refuse('its key id does not match its public key (the file was altered)');
  return writeTransaction(ctx.db, (tx) => {
    const existing = tx.select().from(trustedKeys).where(eq(trustedKeys.keyId, file.keyId)).get();
    if (existing) {
      if (existing.boardId === file.board.id) return trusted(existing);
      throw new AppError('ALREADY_EXISTS', `${input.fileName}: key ${keyLabel(file.keyId)} is already registered for ${existing.boardName}; one key belongs to one board.`);
    }
    const row = {
      keyId: file.keyId,
      boardId: file.board.id,
      boardName: file.board.name,
      publicKey: file.publicKey,
      keyCreatedAt: file.createdAt,
      registeredAt: ctx.now().toISOString(),
      registeredBy: ctx.actor,
    };
    tx.insert(trustedKeys).values(row).run();
    recordAudit(tx, ctx, 'create', 'trusted key', row.keyId, null, { ...row, fileName: input.fileName });
    return trusted(row);
  });
}

/** Takes a key off the register (a lost or replaced laptop): returns signed with it are refused from then on. */
export function removeKey(ctx: ServiceContext, keyId: string): { removed: string } {
  return writeTransaction(ctx.db, (tx) => {
    const existing = tx.select().from(trustedKeys).where(eq(trustedKeys.keyId, keyId)).get();
    if (!existing) throw new AppError('NOT_FOUND', `No key ${keyLabel(keyId)} is registered here.`);
    tx.delete(trustedKeys).where(eq(trustedKeys.keyId, keyId)).run();
    recordAudit(tx, ctx, 'delete', 'trusted key', keyId, existing, null);
    return { removed: keyId };
  });
}

export function unsignedReturnPolicy(db: DbOrTx): UnsignedReturnPolicy {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, UNSIGNED_SETTING)).get();
  const value = row ? (JSON.parse(row.value) as unknown) : null;
  return (UNSIGNED_RETURN_POLICIES as readonly unknown[]).includes(value) ? (value as UnsignedReturnPolicy) : DEFAULT_UNSIGNED_POLICY;
}

export function setUnsignedReturnPolicy(ctx: ServiceContext, policy: UnsignedReturnPolicy): { unsignedReturns: UnsignedReturnPolicy } {
  return writeTransaction(ctx.db, (tx) => {
    const before = unsignedReturnPolicy(tx);
    const row = { key: UNSIGNED_SETTING, value: JSON.stringify(policy), updatedAt: ctx.now().toISOString(), updatedBy: ctx.actor };
    tx.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: { value: row.value, updatedAt: row.updatedAt, updatedBy: row.updatedBy } }).run();
    recordAudit(tx, ctx, 'update', 'setting', UNSIGNED_SETTING, { value: before }, { value: policy });
    return { unsignedReturns: policy };
  });
}

export interface Signer {
  /** Who signed, from the register; null for an unsigned return that was accepted. */
  signedBy: { board: string; keyId: string; label: string } | null;
  /** What was checked, in words (for verify's list of checks). */
  check: string;
}

/**
 * Who signed the return, by the register; refuses (through `refuse`) a signature by a key not
 * registered, or registered for another board, and an unsigned return this database does not
 * accept. The signature itself was checked against the content already (verifyReturn).
 */
export function checkSigner(db: DbOrTx, document: ExchangeDocument, refuse: (problem: string) => never): Signer {
  const board = document.board;
  const { signature } = document;
  if (signature) {
    const key = db.select().from(trustedKeys).where(eq(trustedKeys.keyId, signature.keyId)).get();
    const label = keyLabel(signature.keyId);
    if (!key) refuse(`it is signed with key ${label}, which is not registered here: register the public key of ${board.name} (Signing keys) if it is theirs, or ask them which key they signed with`);
    if (key!.boardId !== board.id) refuse(`it is signed with key ${label}, which is registered for ${key!.boardName}, not for ${board.name}`);
    return { signedBy: { board: key!.boardName, keyId: signature.keyId, label }, check: `Signed by ${key!.boardName}, key ${label} (registered ${key!.registeredAt.slice(0, 10)})` };
  }
  const registered = db.select({ keyId: trustedKeys.keyId }).from(trustedKeys).where(eq(trustedKeys.boardId, board.id)).get();
  if (registered) refuse(`it is not signed, but ${board.name} has a registered signing key (${keyLabel(registered.keyId)}): its returns must be signed`);
  if (unsignedReturnPolicy(db) === 'refuse') refuse('it is not signed, and this database accepts signed returns only (Signing keys → Unsigned returns)');
  return { signedBy: null, check: `Not signed: accepted because ${board.name} has no registered key and unsigned returns are accepted here` };
}
