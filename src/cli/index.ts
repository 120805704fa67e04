import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createCore, type Core } from '../core';
import { AppError } from '../core/errors';
import { DB_ENV_VAR, findAppRoot, readAppVersion, resolveDatabaseFile } from '../core/paths';
import { OPERATIONS } from '../shared/contract';
import { COMMANDS } from './commands';

// `npm run cli -- <command> [options]`: the same services without a window, for headless work.

function helpText(): string {
  const lines = COMMANDS.map((c) => {
    const usage = `  ${c.usage}`;
    return usage.length <= 22 && !usage.includes('\n') ? `${usage.padEnd(23)}${c.summary}` : `${usage}\n                       ${c.summary}`;
  });
  return `Mental Health Estates Assessment — command line

Usage: npm run cli -- <command> [--db FILE]

Commands:
${lines.join('\n')}
  operations           List the operations "call" accepts.
  help                 Show this help.

Options:
  --db FILE            The database file. Default: $${DB_ENV_VAR}, else estates.sqlite in the
                       app's user data folder (the same file the desktop app opens).
`;
}

export async function runCli(argv: string[], appRoot = findAppRoot(__dirname)): Promise<number> {
  const options: ParseArgsConfig['options'] = {
    db: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  };
  for (const command of COMMANDS) Object.assign(options, command.options ?? {});
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const { values, positionals } = parsed;
  const [name = 'help', ...args] = positionals;
  if (values.help === true || name === 'help') {
    console.log(helpText());
    return 0;
  }
  if (name === 'operations') {
    console.log(OPERATIONS.join('\n'));
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}". Run "npm run cli -- help" for the list.`);
    return 2;
  }
  let core: Core;
  try {
    core = createCore({
      databaseFile: resolveDatabaseFile(typeof values.db === 'string' ? values.db : undefined),
      migrationsFolder: path.join(appRoot, 'drizzle'),
      resourcesDir: path.join(appRoot, 'resources'),
      door: 'cli',
      appVersion: readAppVersion(appRoot),
      log: logLine,
    });
  } catch (error) {
    console.error(describeFailure(error));
    return 1;
  }
  if (core.recovery && !command.worksInRecovery) {
    console.error(core.recovery.message);
    core.close();
    return 1;
  }
  try {
    return await command.run({ core, args, options: values as Record<string, string | boolean | undefined>, appRoot });
  } finally {
    core.close();
  }
}

/** "CODE: message" for a failure a person can act on; the message alone for anything else (never a stack trace). */
function describeFailure(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The core's log on the command line: one line saying what failed, without the stack trace a
 * person cannot act on (set MHEA_DEBUG=1 to see it).
 */
function logLine(message: string, error: unknown): void {
  if (process.env.MHEA_DEBUG) console.error(message, error);
  else console.error(`${message}: ${error instanceof Error ? error.message : String(error)}`);
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(describeFailure(error));
      process.exitCode = 1;
    },
  );
}
