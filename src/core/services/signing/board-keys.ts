import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ParsedInput } from '../../../shared/contract';
import type { BoardSigningKey } from '../../../shared/contract/signing';
import { keyLabel, type PublicKeyFile } from '../../../shared/exchange/signature';
import type { ExchangeDocument } from '../../../shared/exchange/schema';
import { returnFileName } from '../../../shared/exchange/serialise';
import type { DbOrTx, ServiceContext } from '../../context';
import { boards } from '../../db/schema';
import { writeTransaction } from '../../db/transactions';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { keyIdOf, publicKeyDer, signDigest } from './crypto';
import type { BoardKeyStore, StoredKey } from './key-store';

// The board's side: a signing key per board on this computer, its public half exported for NHS
// Scotland Assure to register, and every return exported with a key signed with it.

type BoardKey = z.infer<typeof BoardSigningKey>;

function describe(board: { id: string; name: string }, stored: StoredKey | null, store: BoardKeyStore): BoardKey {
  return {
    boardId: board.id,
    boardName: board.name,
    key: stored ? { keyId: keyIdOf(stored.publicKey), label: keyLabel(keyIdOf(stored.publicKey)), createdAt: stored.createdAt } : null,
    heldElsewhere: !stored && store.heldElsewhere(board.id),
  };
}

function boardOf(db: DbOrTx, boardId: string) {
  const board = db.select({ id: boards.id, name: boards.name, code: boards.code }).from(boards).where(eq(boards.id, boardId)).get();
  if (!board) throw notFound('board', boardId);
  return board;
}

/** Every board in this database, with its signing key on this computer (or none). */
export function listBoardKeys(db: DbOrTx, store: BoardKeyStore): BoardKey[] {
  return db
    .select({ id: boards.id, name: boards.name })
    .from(boards)
    .orderBy(boards.name)
    .all()
    .map((board) => describe(board, store.read(board.id), store));
}

/** Makes the board's signing key. A board with one already keeps it unless `replace` is asked for. */
export function createBoardKey(ctx: ServiceContext, store: BoardKeyStore, input: ParsedInput<'signing.createKey'>): BoardKey {
  const board = boardOf(ctx.db, input.boardId);
  const existing = store.read(board.id);
  if (existing && !input.replace) {
    const message = `${board.name} already has a signing key on this computer (key ${keyLabel(keyIdOf(existing.publicKey))}). Replacing it means NHS Scotland Assure must register the new one before your next return.`;
    throw new AppError('CONFLICT', message, [{ path: ['replace'], message }]);
  }
  const created = store.create(board.id, ctx.now());
  const keyId = keyIdOf(created.publicKey);
  writeTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx, 'create', 'signing key', keyId, existing ? { keyId: keyIdOf(existing.publicKey) } : null, { boardId: board.id, keyId, createdAt: created.createdAt, keptIn: store.protection.description }),
  );
  return describe(board, created, store);
}

/** The board's public key as a file for NHS Scotland Assure to register (it holds nothing secret). */
export function exportPublicKey(db: DbOrTx, store: BoardKeyStore, boardId: string): { fileName: string; content: string } {
  const board = boardOf(db, boardId);
  const stored = store.read(board.id);
  if (!stored) throw new AppError('NOT_FOUND', `${board.name} has no signing key on this computer yet: make one first.`);
  const file: PublicKeyFile = {
    format: 'mhea-board-public-key',
    formatVersion: 1,
    board: { id: board.id, name: board.name, code: board.code },
    algorithm: 'Ed25519',
    keyId: keyIdOf(stored.publicKey),
    publicKey: publicKeyDer(stored.publicKey).toString('base64'),
    createdAt: stored.createdAt,
  };
  return { fileName: returnFileName(board.name).replace(/-return\.json$/, '-public-key.json'), content: `${JSON.stringify(file, null, 2)}\n` };
}

/** The return signed with its board's key, when this computer has one; otherwise as it was. */
export function signWithBoardKey(document: ExchangeDocument, store: BoardKeyStore): ExchangeDocument {
  const stored = store.read(document.board.id);
  if (!stored) return document;
  return { ...document, signature: signDigest(document.digest, stored.privateKey, stored.publicKey) };
}
