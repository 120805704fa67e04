import type { Command } from '../command';
import { backupCommand, backupsCommand, restoreCommand } from './backups';
import { call, info, score, seedDemo } from './basic';
import { exportReturn } from './export';
import { handOut, takeHandouts } from './handouts';
import { importReturns } from './import';
import { keys } from './keys';
import { report } from './report';
import { seedNationalCommand } from './seed-national';
import { templates } from './templates';
import { verifyReturns } from './verify';

/** Every CLI command, in the order `help` lists them. A new command is one file and one line here. */
export const COMMANDS: Command[] = [
  seedDemo,
  info,
  templates,
  score,
  report,
  exportReturn,
  importReturns,
  verifyReturns,
  handOut,
  takeHandouts,
  keys,
  backupCommand,
  backupsCommand,
  restoreCommand,
  seedNationalCommand,
  call,
];
