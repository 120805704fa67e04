import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DB_ENV_VAR } from '../core/paths';

// The desktop app remembers the database files it opened (File → Open recent) and reopens the last
// one at the next start. The list lives in a small JSON file in the user's data folder; it is a
// convenience, so an unreadable list is started afresh rather than stopping the app.

export const RECENT_LIMIT = 8;
export const SETTINGS_FILE_NAME = 'desktop-settings.json';

const Settings = z.object({ recentDatabases: z.array(z.string().min(1)).max(RECENT_LIMIT) });

/** `file` first, without repeats (Windows paths compare without case), at most RECENT_LIMIT. */
export function rememberDatabase(recent: readonly string[], file: string, platform: NodeJS.Platform = process.platform): string[] {
  const same = (a: string, b: string) => (platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
  return [file, ...recent.filter((r) => !same(r, file))].slice(0, RECENT_LIMIT);
}

/** Which database the app opens at start, and why (shown if it cannot be opened). */
export type StartupDatabase =
  | { file: string; reason: 'command line' | 'environment' | 'last used' | 'standard' }
  | { missing: string; reason: 'last used missing' };

/**
 * `--db` wins, then the MHEA_DB environment variable, then the file used last, then the standard
 * file in the user's data folder. A last-used file that has gone (a removed USB drive, a renamed
 * file) is reported rather than silently replaced by a new empty database.
 */
export function chooseStartupDatabase(options: {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  recent: readonly string[];
  standardFile: string;
  exists: (file: string) => boolean;
}): StartupDatabase {
  const fromArgs = databaseFileFromArgs(options.argv);
  if (fromArgs) return { file: path.resolve(fromArgs), reason: 'command line' };
  const fromEnv = options.env[DB_ENV_VAR];
  if (fromEnv) return { file: path.resolve(fromEnv), reason: 'environment' };
  const last = options.recent[0];
  if (last && path.resolve(last) !== path.resolve(options.standardFile)) {
    return options.exists(last) ? { file: last, reason: 'last used' } : { missing: last, reason: 'last used missing' };
  }
  return { file: options.standardFile, reason: 'standard' };
}

function databaseFileFromArgs(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--db');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
}

/** The recent-files list, kept in the user's data folder. */
export interface RecentDatabases {
  list(): string[];
  remember(file: string): void;
  clear(): void;
}

export function recentDatabasesIn(userDataDir: string, log: (message: string) => void = console.warn): RecentDatabases {
  const file = path.join(userDataDir, SETTINGS_FILE_NAME);
  let recent = read();
  function read(): string[] {
    if (!fs.existsSync(file)) return [];
    try {
      return Settings.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).recentDatabases;
    } catch (error) {
      log(`The list of recent databases (${file}) could not be read and starts afresh: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }
  /** A list that cannot be saved (a full or read-only disk) is kept for this session and logged. */
  function write(): void {
    try {
      fs.mkdirSync(userDataDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, `${JSON.stringify({ recentDatabases: recent }, null, 2)}\n`);
      fs.renameSync(temporary, file);
    } catch (error) {
      log(`The list of recent databases could not be saved to ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    list: () => [...recent],
    remember(database) {
      recent = rememberDatabase(recent, database);
      write();
    },
    clear() {
      recent = [];
      write();
    },
  };
}
