import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core';
import { DB_ENV_VAR, findAppRoot, readAppVersion, resolveDatabaseFile } from '../core/paths';
import { OPERATIONS } from '../shared/contract';
import type { Result } from '../shared/result';

// `npm run cli -- <command> [options]`: the same services without a window, for headless work.

const HELP = `Mental Health Estates Assessment — command line

Usage: npm run cli -- <command> [--db FILE]

Commands:
  seed-demo            Add the fictional demo board (3 sites, 12 wards with their areas).
  info                 Show the database in use and its schema version.
  call OP [JSON]       Run one operation of the app's contract with a JSON input and print the
                       JSON result, e.g.  call boards.list   or   call sites.list '{"boardId":"…"}'
  operations           List the operations "call" accepts.
  help                 Show this help.

Options:
  --db FILE            The database file. Default: $${DB_ENV_VAR}, else estates.sqlite in the
                       app's user data folder (the same file the desktop app opens).
`;

export function runCli(argv: string[], appRoot = findAppRoot(__dirname)): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const [command = 'help', ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  if (command === 'operations') {
    console.log(OPERATIONS.join('\n'));
    return 0;
  }
  const known = ['seed-demo', 'info', 'call'];
  if (!known.includes(command)) {
    console.error(`Unknown command "${command}". Run "npm run cli -- help" for the list.`);
    return 2;
  }
  const core = createCore({
    databaseFile: resolveDatabaseFile(values.db),
    migrationsFolder: path.join(appRoot, 'drizzle'),
    door: 'cli',
    appVersion: readAppVersion(appRoot),
  });
  try {
    return runCommand(core, command, rest);
  } finally {
    core.close();
  }
}

function runCommand(core: Core, command: string, args: string[]): number {
  if (command === 'seed-demo') {
    const result = core.dispatch('demo.seed', {}) as Result<{ sites: number; wards: number; areas: number }>;
    if (!result.ok) return report(result);
    const { sites, wards, areas } = result.data;
    console.log(`Demo estate added to ${core.store.file}: 1 board, ${sites} sites, ${wards} wards, ${areas} areas.`);
    return 0;
  }
  if (command === 'info') {
    const result = core.dispatch('app.info', {});
    if (!result.ok) return report(result);
    console.log(JSON.stringify(result.data, null, 2));
    return 0;
  }
  const [operation, json] = args;
  if (!operation) {
    console.error('Name the operation to call, e.g. "call boards.list". "operations" lists them.');
    return 2;
  }
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch {
      console.error(`The input for ${operation} is not valid JSON: ${json}`);
      return 2;
    }
  }
  const result = core.dispatch(operation, input);
  if (!result.ok) return report(result);
  console.log(JSON.stringify(result.data, null, 2));
  return 0;
}

function report(result: Result<unknown> & { ok: false }): number {
  console.error(`${result.error.code}: ${result.error.message}`);
  for (const field of result.error.fields ?? []) {
    console.error(`  ${field.path.join('.') || '(input)'}: ${field.message}`);
  }
  return 1;
}

if (require.main === module) {
  try {
    process.exitCode = runCli(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
