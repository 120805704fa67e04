import fs from 'node:fs';
import path from 'node:path';

// better-sqlite3 is compiled for Node in node_modules (tests, web door, CLI). The Electron main
// process needs a build for Electron's ABI; it lives beside, never over, the Node build, and is
// handed to better-sqlite3 through its `nativeBinding` option.

export const NATIVE_FILE = 'better_sqlite3.node';

/** Where `npm start` keeps the Electron build for a given Electron version during development. */
export function devElectronBindingPath(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, 'node_modules', '.cache', 'mhea-electron-sqlite', `electron-${electronVersion}-${process.platform}-${process.arch}`, NATIVE_FILE);
}

/**
 * The binary the running process should load, or undefined for better-sqlite3's own (the Node
 * build). Only a real Electron runtime gets the Electron build.
 */
export function nativeBindingFor(options: {
  appRoot: string;
  isPackaged: boolean;
  resourcesPath: string;
  electronVersion: string | undefined;
}): string | undefined {
  if (!options.electronVersion) return undefined;
  const candidate = options.isPackaged
    ? path.join(options.resourcesPath, 'native', NATIVE_FILE)
    : devElectronBindingPath(options.appRoot, options.electronVersion);
  if (!fs.existsSync(candidate)) {
    throw new Error(
      `The database engine for Electron ${options.electronVersion} is missing (${candidate}). ` +
        (options.isPackaged ? 'Reinstall the app.' : 'Start the app with "npm start", which prepares it.'),
    );
  }
  return candidate;
}
