import { ConfirmAction } from '../../components/ConfirmAction';
import { NotRecorded, SummaryList } from '../../components/SummaryList';
import { reasonLabel, size, when, type Backup } from './backup-words';

/**
 * The step before a restore: shows what the backup holds and what happens to today's data, and
 * restores only when the user confirms. A refusal (e.g. a damaged file) is shown here in full.
 */
export function ConfirmRestore(props: { backup: Backup; damaged?: boolean; onConfirm: () => Promise<void>; onCancel: () => void }) {
  const { backup, damaged, onConfirm, onCancel } = props;
  const contents = backup.contents!;
  return (
    <ConfirmAction
      title={`Restore the backup made ${when(backup.createdAt)}?`}
      confirmLabel="Restore this backup"
      busyLabel="Restoring…"
      refusalTitle="The backup was not restored"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p className="nhsuk-body">It contains:</p>
      <SummaryList
        rows={[
          ['Boards', contents.boards],
          ['Sites', contents.sites],
          ['Wards', contents.wards],
          ['Assessments', `${contents.assessments} (${contents.signedOff} signed off)`],
          ['Latest answer', contents.latestAnswerAt ? when(contents.latestAnswerAt) : <NotRecorded />],
          ['Why it was made', reasonLabel(backup.reason)],
          ['Size', size(backup.sizeBytes)],
        ]}
      />
      <p className="nhsuk-body">
        {damaged
          ? 'It takes the place of the damaged database, which is moved aside and kept beside it for your IT service desk.'
          : 'Everything recorded since then will be replaced by what is in this backup. The database as it is now is backed up first, so you can go back to it from this page.'}
      </p>
    </ConfirmAction>
  );
}
