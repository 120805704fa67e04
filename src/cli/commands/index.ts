import type { Command } from '../command';
import { backupCommand, backupsCommand, restoreCommand } from './backups';
import { call, info, score, seedDemo } from './basic';
import { seedNationalCommand } from './seed-national';
import { templates } from './templates';

/** Every CLI command, in the order `help` lists them. A new command is one file and one line here. */
export const COMMANDS: Command[] = [seedDemo, info, templates, score, call];
COMMANDS.push(seedNationalCommand);
COMMANDS.push(backupCommand, backupsCommand, restoreCommand);
