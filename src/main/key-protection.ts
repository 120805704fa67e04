import type { KeyProtection } from '../core';

/** Electron's safeStorage as far as we use it; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/**
 * Boards' private signing keys sealed by the operating system's key store (DPAPI on Windows,
 * Keychain on macOS, the Secret Service on Linux): a key file copied off this computer, or read
 * by another account, is useless. Where no key store is available the core keeps its default, a
 * file only this account can read. Call after the app is ready.
 */
export function safeStorageProtection(storage: SafeStorageLike): KeyProtection | undefined {
  if (!storage.isEncryptionAvailable()) return undefined;
  return {
    description: 'the operating system’s key store (sealed for your user account on this computer)',
    extension: 'sealed',
    seal: (text) => storage.encryptString(text),
    open: (sealed) => storage.decryptString(sealed),
  };
}
