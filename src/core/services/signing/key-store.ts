import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors';
import { publicKeyDer } from './crypto';

// Where a board's private signing key lives on this computer. One file per board in a "keys"
// folder beside the database (the folder readable by this account only, each file 0600). What is
// in the file depends on the door: the desktop app seals it with the operating system's key store
// (Electron safeStorage: DPAPI on Windows, Keychain on macOS, the Secret Service on Linux), so the
// file is useless copied elsewhere; the web door and the command line, which have no such store,
// keep it as a plain file only this account can read. The two never read each other's.

/** How the private key is protected at rest. Core never imports Electron: the desktop app passes safeStorage in here. */
export interface KeyProtection {
  /** In words, for the Signing keys page ("the operating system's key store"). */
  readonly description: string;
  /** The file ending that tells this protection's files apart ("sealed", "pem"). */
  readonly extension: string;
  seal(text: string): Buffer;
  open(sealed: Buffer): string;
}

/** The web door's and the command line's: a file only this account can read (mode 0600). */
export const PLAIN_FILE: KeyProtection = {
  description: 'a file only your user account can read',
  extension: 'pem',
  seal: (text) => Buffer.from(text, 'utf8'),
  open: (sealed) => sealed.toString('utf8'),
};

export interface StoredKey {
  boardId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  createdAt: string;
}

interface KeyFile {
  format: 'mhea-board-signing-key';
  boardId: string;
  createdAt: string;
  privateKey: string;
}

export interface BoardKeyStore {
  readonly folder: string;
  readonly protection: KeyProtection;
  /** The board's key on this computer, or null. */
  read(boardId: string): StoredKey | null;
  /** Makes a new key pair for the board and keeps its private key (replacing one it had). */
  create(boardId: string, now: Date): StoredKey;
  /** Whether a key for the board is kept under another door's protection (e.g. sealed by the desktop app). */
  heldElsewhere(boardId: string): boolean;
}

export function keysFolderFor(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'keys');
}

export function createKeyStore(folder: string, protection: KeyProtection = PLAIN_FILE): BoardKeyStore {
  const fileOf = (boardId: string, extension = protection.extension) => path.join(folder, `board-${boardId}.${extension}`);
  return {
    folder,
    protection,
    read(boardId) {
      const file = fileOf(boardId);
      if (!fs.existsSync(file)) return null;
      let stored: KeyFile;
      try {
        stored = JSON.parse(protection.open(fs.readFileSync(file))) as KeyFile;
      } catch (error) {
        throw new AppError('CONFLICT', `The signing key in ${file} cannot be read (${error instanceof Error ? error.message : String(error)}). Make a new key for the board, and send its public key to NHS Scotland Assure again.`);
      }
      const privateKey = createPrivateKey(stored.privateKey);
      return { boardId, privateKey, publicKey: createPublicKey(privateKey), createdAt: stored.createdAt };
    },
    create(boardId, now) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const createdAt = now.toISOString();
      const content: KeyFile = { format: 'mhea-board-signing-key', boardId, createdAt, privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      fs.chmodSync(folder, 0o700);
      // Written aside with its final permissions from the start, then renamed into place.
      const temporary = `${fileOf(boardId)}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, protection.seal(JSON.stringify(content)), { mode: 0o600 });
      fs.renameSync(temporary, fileOf(boardId));
      publicKeyDer(publicKey); // fails loudly now, not at the first signature, if the key is not Ed25519
      return { boardId, privateKey, publicKey, createdAt };
    },
    heldElsewhere(boardId) {
      return fs.existsSync(folder) && fs.readdirSync(folder).some((name) => name.startsWith(`board-${boardId}.`) && name !== path.basename(fileOf(boardId)) && !name.endsWith('.tmp'));
    },
  };
}
