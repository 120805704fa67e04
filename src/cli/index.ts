import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core';
import { DB_ENV_VAR, findAppRoot, readAppVersion, resolveDatabaseFile } from '../core/paths';
import { OPERATIONS, type Output } from '../shared/contract';
import type { Result } from '../shared/result';

// `npm run cli -- <command> [options]`: the same services without a window, for headless work.

const HELP = `Mental Health Estates Assessment — command line

Usage: npm run cli -- <command> [--db FILE]

Commands:
  seed-demo            Add the fictional demo board (3 sites, 12 wards with their areas).
  info                 Show the database in use and its schema version.
  templates list       List installed checklist template versions (current ones marked *).
  templates install FILE [--keep-current]
                       Validate and install a template version from a JSON file, show what
                       changed against the current version, and make it current for new
                       assessments (started assessments keep the version they pinned).
  templates use KEY    Make an installed version (e.g. safety@2026.1) current for new assessments.
  score --assessment ID
                       Print the full scored result of an assessment as JSON.
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
    options: {
      db: { type: 'string' },
      assessment: { type: 'string' },
      'keep-current': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
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
  const known = ['seed-demo', 'info', 'call', 'templates', 'score'];
  if (!known.includes(command)) {
    console.error(`Unknown command "${command}". Run "npm run cli -- help" for the list.`);
    return 2;
  }
  const core = createCore({
    databaseFile: resolveDatabaseFile(values.db),
    migrationsFolder: path.join(appRoot, 'drizzle'),
    resourcesDir: path.join(appRoot, 'resources'),
    door: 'cli',
    appVersion: readAppVersion(appRoot),
  });
  try {
    return runCommand(core, command, rest, { assessment: values.assessment, keepCurrent: values['keep-current'] ?? false });
  } finally {
    core.close();
  }
}

interface CommandOptions {
  assessment: string | undefined;
  keepCurrent: boolean;
}

function runCommand(core: Core, command: string, args: string[], options: CommandOptions): number {
  if (command === 'templates') return runTemplates(core, args, options);
  if (command === 'score') {
    if (!options.assessment) {
      console.error('Name the assessment: score --assessment ID');
      return 2;
    }
    return printResult(core.dispatch('assessments.score', { id: options.assessment }));
  }
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

function printResult(result: Result<unknown>): number {
  if (!result.ok) return report(result);
  console.log(JSON.stringify(result.data, null, 2));
  return 0;
}

function runTemplates(core: Core, args: string[], options: CommandOptions): number {
  const [sub, arg] = args;
  if (sub === 'list') {
    const result = core.dispatch('templates.list', {}) as Result<TemplateRow[]>;
    if (!result.ok) return report(result);
    for (const t of result.data) {
      console.log(`${t.isCurrent ? '*' : ' '} ${t.key.padEnd(22)} ${String(t.itemCount).padStart(3)} items  ${t.status.padEnd(9)} ${t.source}  sha256:${t.contentHash.slice(0, 12)}…  used by ${t.assessmentsPinned}`);
    }
    return 0;
  }
  if (sub === 'install' && arg) {
    let content: string;
    try {
      content = fs.readFileSync(arg, 'utf8');
    } catch {
      console.error(`Cannot read ${arg}`);
      return 2;
    }
    const result = core.dispatch('templates.install', { fileName: path.basename(arg), content, makeCurrent: !options.keepCurrent }) as Result<Installed>;
    if (!result.ok) return report(result);
    const { template, alreadyInstalled, previous, diff } = result.data;
    console.log(alreadyInstalled ? `${template.key} is already installed (same content); nothing changed.` : `Installed ${template.key} (${template.itemCount} items).`);
    if (previous && diff) {
      console.log(`Changes against ${previous.key}:`);
      console.log(`  added: ${diff.added.join(', ') || 'none'}`);
      console.log(`  removed: ${diff.removed.join(', ') || 'none'}`);
      console.log(`  reworded: ${diff.reworded.map((r) => r.itemId).join(', ') || 'none'}`);
      console.log(`  reweighted: ${diff.reweighted.map((r) => `${r.itemId} (${r.from.weight}${r.from.critical ? '!' : ''} → ${r.to.weight}${r.to.critical ? '!' : ''})`).join(', ') || 'none'}`);
      console.log(`  re-scoped: ${diff.rescoped.map((r) => r.itemId).join(', ') || 'none'}`);
      if (diff.thresholdsChanged) console.log('  thresholds changed');
      console.log(diff.comparable ? '  Scores stay comparable with the previous version.' : '  Scores under the two versions are not directly comparable.');
    }
    console.log(template.isCurrent ? `${template.key} is now current for new assessments; started assessments keep their versions.` : `${template.key} is installed but not current.`);
    return 0;
  }
  if (sub === 'use' && arg) {
    const result = core.dispatch('templates.setCurrent', { key: arg }) as Result<TemplateRow>;
    if (!result.ok) return report(result);
    console.log(`${result.data.key} is now current for new ${result.data.domain} assessments.`);
    return 0;
  }
  console.error('Usage: templates list | templates install FILE [--keep-current] | templates use KEY');
  return 2;
}

type TemplateRow = Output<'templates.list'>[number];
type Installed = Output<'templates.install'>;

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
