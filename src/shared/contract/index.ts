import type { z } from 'zod';
import { assessmentsContract } from './assessments';
import { compareContract } from './compare';
import { backupsContract } from './backups';
import { estateContract } from './estate';
import { reportsContract } from './reports';
import { exchangeContract } from './exchange';
import { mergeContract } from './merge';
import { signingContract } from './signing';
import { systemContract } from './system';
import { templatesContract } from './templates';
import { walkthroughContract } from './walkthrough';
import { defineContract } from './types';

/**
 * The one list of operations. The IPC, HTTP and CLI doors serve exactly these, each parsed with
 * its input schema by the router in src/core before any service runs. A new feature starts here.
 * Each operation's schemas are built the first time it is used (cold start: see defineContract).
 */
export const contract = defineContract({
  ...systemContract,
  ...estateContract,
  ...templatesContract,
  ...assessmentsContract,
  ...compareContract,
  ...reportsContract,
  ...exchangeContract,
  ...backupsContract,
  ...walkthroughContract,
  ...mergeContract,
  ...signingContract,
});

export type Contract = typeof contract;
export type Operation = keyof Contract;
/** What a caller may send (before defaults and transforms). */
export type Input<O extends Operation> = z.input<Contract[O]['input']>;
/** What the service receives (after parsing). */
export type ParsedInput<O extends Operation> = z.output<Contract[O]['input']>;
export type Output<O extends Operation> = z.output<Contract[O]['output']>;

export const OPERATIONS = Object.keys(contract) as Operation[];

export function isOperation(name: string): name is Operation {
  return Object.hasOwn(contract, name);
}

export type { OperationSpec, ContractSlice } from './types';
