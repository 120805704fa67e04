import type { Output } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { report, type Command } from '../command';

type Info = Output<'backups.list'>[number];

function describe(b: Info): string {
  const size = `${(b.sizeBytes / 1024 / 1024).toFixed(1)} MB`;
  if (!b.contents) return `${b.name}  ${b.createdAt}  ${b.reason}  ${size}  CANNOT BE RESTORED: ${b.problem ?? ''}`;
  const c = b.contents;
  const state = b.verified ? '  checked: good' : b.hasChecksum ? '' : '  (no checksum: made by an earlier version)';
  return `${b.name}  ${b.createdAt}  ${b.reason}  ${size}  ${c.boards} boards, ${c.sites} sites, ${c.wards} wards, ${c.assessments} assessments (${c.signedOff} signed off), latest answer ${c.latestAnswerAt ?? 'none'}${state}`;
}

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup',
  summary: 'Make a backup of the database now (kept in the "backups" folder beside it).',
  async run({ core }) {
    const result = (await core.dispatch('backups.create', {})) as Result<Info>;
    if (!result.ok) return report(result);
    console.log(`Backed up to ${result.data.name}`);
    console.log(describe(result.data));
    return 0;
  },
};

export const backupsCommand: Command = {
  name: 'backups',
  usage: 'backups [--check]',
  summary: 'List the backups, newest first, with what each contains; --check checks each in full (done anyway when the database is damaged).',
  options: { check: { type: 'boolean' } },
  worksInRecovery: true,
  async run({ core, options }) {
    if (core.recovery) console.error(`${core.recovery.message}\n`);
    const result = (await core.dispatch('backups.list', { verify: options.check === true || core.recovery !== null })) as Result<Info[]>;
    if (!result.ok) return report(result);
    if (result.data.length === 0) console.log('No backups yet. "backup" makes one.');
    for (const b of result.data) console.log(describe(b));
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore NAME',
  summary: 'Put a backup in place of the database (the current one is backed up first, or set aside if damaged).',
  worksInRecovery: true,
  async run({ core, args }) {
    const [name] = args;
    if (!name) {
      console.error('Name the backup to restore: restore NAME ("backups" lists them).');
      return 2;
    }
    const result = (await core.dispatch('backups.restore', { name })) as Result<Output<'backups.restore'>>;
    if (!result.ok) return report(result);
    console.log(`Restored ${describe(result.data.restored)}`);
    if (result.data.safetyCopy) console.log(`The database as it was before is kept as ${result.data.safetyCopy.name}`);
    if (result.data.setAside) console.log(`The damaged database was moved aside, kept as ${result.data.setAside}`);
    return 0;
  },
};
