import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Mental Health Estates Assessment';
export const DATABASE_FILE_NAME = 'estates.sqlite';
/** Environment variable that points every door at a database file. */
export const DB_ENV_VAR = 'MHEA_DB';

/**
 * The folder Electron would use as `userData` for this app, computed without Electron so the web
 * and CLI doors open the same database as the desktop app by default.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const home = os.homedir();
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, APP_NAME);
}

/** `--db` wins, then the environment variable, then the user's data folder. */
export function resolveDatabaseFile(cliValue: string | undefined, userDataDir = defaultUserDataDir()): string {
  const chosen = cliValue ?? process.env[DB_ENV_VAR];
  return path.resolve(chosen && chosen.length > 0 ? chosen : path.join(userDataDir, DATABASE_FILE_NAME));
}

/** The folder holding the app's package.json (and drizzle/, resources/), found from any file in it. */
export function findAppRoot(fromDir: string): string {
  let dir = path.resolve(fromDir);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'drizzle'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the app's folder (package.json with drizzle/) above ${fromDir}`);
    dir = parent;
  }
}

export function readAppVersion(appRoot: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}
