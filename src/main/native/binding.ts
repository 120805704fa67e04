import fs from 'node:fs';
import path from 'node:path';

// better-sqlite3 is compiled for Node in node_modules (tests, web door, CLI). The Electron main
// process needs a build for Electron's ABI; it lives beside, never over, the Node build, and is
// handed to better-sqlite3 through its `nativeBinding` option.

export const NATIVE_FILE = 'better_sqlite3.node';

/**
 * The folder (inside the app archive, unpacked beside it) that holds the Electron build in the
 * packaged app. The `files` and `asarUnpack` entries of the electron-builder configuration in
 * package.json put it there.
 */
export const PACKAGED_NATIVE_DIR = 'native';

/** electron-builder's short platform names (its `${os}` macro), used to name the cache folders. */
export function builderOsKey(platform: string): 'win' | 'mac' | 'linux' {
  if (platform === 'win32') return 'win';
  if (platform === 'darwin' || platform === 'mas') return 'mac';
  if (platform === 'linux') return 'linux';
  throw new Error(`The desktop app is not built for ${platform}`);
}

/**
 * Where the Electron build for one platform and architecture is kept: `npm start` loads it from
 * here, and packaging copies it into the app (package.json `build.files`:
 * `node_modules/.cache/mhea-electron-sqlite/${os}-${arch}`).
 */
export function electronSqliteDir(appRoot: string, platform: string, arch: string): string {
  return path.join(appRoot, 'node_modules', '.cache', 'mhea-electron-sqlite', `${builderOsKey(platform)}-${arch}`);
}

/** The Electron build inside an installed app: in the archive's unpacked twin, never inside app.asar. */
export function packagedBindingPath(resourcesPath: string): string {
  return path.join(resourcesPath, 'app.asar.unpacked', PACKAGED_NATIVE_DIR, NATIVE_FILE);
}

/**
 * The binary the running process should load, or undefined for better-sqlite3's own (the Node
 * build). An installed app always loads the copy shipped with it; a development Electron loads the
 * one `npm start` prepared; plain Node (tests, web door, CLI) loads node_modules' own.
 */
export function nativeBindingFor(options: {
  appRoot: string;
  isPackaged: boolean;
  resourcesPath: string;
  electronVersion: string | undefined;
}): string | undefined {
  if (!options.isPackaged && !options.electronVersion) return undefined;
  const candidate = options.isPackaged
    ? packagedBindingPath(options.resourcesPath)
    : path.join(electronSqliteDir(options.appRoot, process.platform, process.arch), NATIVE_FILE);
  if (!fs.existsSync(candidate)) {
    throw new Error(
      `The database engine for this app is missing (${candidate}). ` +
        (options.isPackaged ? 'Reinstall the app, or ask your IT service desk to.' : 'Start the app with "npm start", which prepares it.'),
    );
  }
  return candidate;
}
