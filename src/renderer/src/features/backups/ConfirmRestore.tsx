import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/api-error';
import { ErrorSummary } from '../../components/ErrorSummary';
import { NotRecorded, SummaryList } from '../../components/SummaryList';
import { reasonLabel, size, when, type Backup } from './backup-words';

/**
 * The step before a restore: shows what the backup holds and what happens to today's data, and
 * restores only when the user confirms. A refusal (e.g. a damaged file) is shown here in full.
 */
export function ConfirmRestore({ backup, onConfirm, onCancel }: { backup: Backup; onConfirm: () => Promise<void>; onCancel: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; attempt: number } | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const contents = backup.contents!;

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await onConfirm();
    } catch (error) {
      setRefusal((previous) => ({ message: messageOf(error), attempt: (previous?.attempt ?? 0) + 1 }));
      setBusy(false);
    }
  };

  return (
    <section className="nhsuk-card nhsuk-card--warning" aria-labelledby="confirm-restore-title">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" id="confirm-restore-title" tabIndex={-1} ref={heading}>
          Restore the backup made {when(backup.createdAt)}?
        </h2>
        <ErrorSummary title="The backup was not restored" items={refusal ? [{ message: refusal.message }] : []} focusKey={refusal?.attempt ?? 0} />
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
          Everything recorded since then will be replaced by what is in this backup. The database as it is now is
          backed up first, so you can go back to it from this page.
        </p>
        <div className="nhsuk-button-group">
          <button type="button" className="nhsuk-button nhsuk-button--warning" aria-disabled={busy || undefined} onClick={() => void confirm()}>
            {busy ? 'Restoring…' : 'Restore this backup'}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </section>
  );
}
