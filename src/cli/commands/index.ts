import type { Command } from '../command';
import { call, info, score, seedDemo } from './basic';
import { report } from './report';
import { templates } from './templates';
import { exportReturn } from './export';
import { importReturns } from './import';
import { verifyReturns } from './verify';

/** Every CLI command, in the order `help` lists them. A new command is one file and one line here. */
export const COMMANDS: Command[] = [seedDemo, info, templates, score, call];
COMMANDS.push(report);
COMMANDS.push(exportReturn);
COMMANDS.push(importReturns);
COMMANDS.push(verifyReturns);
