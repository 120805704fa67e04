import type { Output } from '../../../../shared/contract';
import { count } from '../../components/counts';
import { instantText } from '../../components/instant';

export type Backup = Output<'backups.list'>[number];

const REASONS: Record<Backup['reason'], string> = {
  startup: 'When the app started',
  manual: 'Made by hand',
  'sign-off': 'After a sign-off',
  'before-restore': 'Before a restore',
};

export function reasonLabel(reason: Backup['reason']): string {
  return REASONS[reason];
}

/** When a backup was made, with seconds (two backups may share a minute). */
export const when = instantText;

export function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "2 boards, 14 wards, 30 assessments (28 signed off)". */
export function contentsInWords(contents: NonNullable<Backup['contents']>): string {
  return `${count(contents.boards, 'board')}, ${count(contents.wards, 'ward')}, ${count(contents.assessments, 'assessment')} (${contents.signedOff} signed off)`;
}

/** What a restore did, for the status line: which backup, and where the database as it was went. */
export function restoredInWords(result: Output<'backups.restore'>): string {
  const before = result.safetyCopy
    ? `The database as it was before is kept as the backup made ${when(result.safetyCopy.createdAt)}.`
    : `The damaged database was moved aside and kept as ${result.setAside ?? 'a copy beside it'}.`;
  return `Restored the backup made ${when(result.restored.createdAt)}. ${before}`;
}
