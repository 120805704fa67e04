import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core';
import type { Result } from '../shared/result';
import { decodeUtf8 } from '../shared/text';

/** What every command gets: the open core, its positional arguments and its parsed options. */
export interface CommandContext {
  core: Core;
  args: string[];
  options: Record<string, string | boolean | undefined>;
  appRoot: string;
}

/**
 * One CLI command. Commands are thin: they read files or arguments, call contract operations
 * through `core.dispatch`, and print. The rules live in src/core.
 */
export interface Command {
  name: string;
  /** The usage line(s) shown by `help`, e.g. "score --assessment ID". */
  usage: string;
  summary: string;
  /** Options this command accepts (besides --db), for the argument parser. */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  /** Runs while the database is damaged (recovery mode): listing and restoring backups. */
  worksInRecovery?: boolean;
  run(ctx: CommandContext): number | Promise<number>;
}

/** Prints a failed Result (code, message, each bad field) to stderr and returns exit code 1. */
export function report(result: Result<unknown> & { ok: false }): number {
  console.error(`${result.error.code}: ${result.error.message}`);
  for (const field of result.error.fields ?? []) {
    console.error(`  ${field.path.join('.') || '(input)'}: ${field.message}`);
  }
  return 1;
}

/** Prints a Result's data as JSON, or its error; returns the exit code. */
export function printResult(result: Result<unknown>): number {
  if (!result.ok) return report(result);
  console.log(JSON.stringify(result.data, null, 2));
  return 0;
}

/**
 * A text file's content, or why it cannot be used ("cannot read …", "is not valid UTF-8 text:
 * byte … "). Bytes that are not UTF-8 are refused, never read as replacement characters.
 */
export function readTextFile(file: string): { ok: true; text: string } | { ok: false; problem: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, problem: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  return decodeUtf8(bytes);
}

/**
 * For commands that take files (import, verify): each named file's text, in order, to `each`,
 * which says whether that file passed. A file that cannot be read, or is not UTF-8 text, fails
 * with `unreadable`'s line. Returns how many failed.
 */
export async function forEachFile(
  files: readonly string[],
  unreadable: (fileName: string, problem: string) => string,
  each: (fileName: string, content: string) => Promise<boolean>,
): Promise<number> {
  let failed = 0;
  for (const file of files) {
    const fileName = path.basename(file);
    const read = readTextFile(file);
    if (!read.ok) {
      console.error(unreadable(fileName, read.problem));
      failed += 1;
      continue;
    }
    if (!(await each(fileName, read.text))) failed += 1;
  }
  return failed;
}
