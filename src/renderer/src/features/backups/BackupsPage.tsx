import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { useAnnounce } from '../../app/status';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { restoredInWords, when, type Backup } from './backup-words';
import { BackupsTable } from './BackupsTable';
import { ConfirmRestore } from './ConfirmRestore';

/** Copies of the database kept beside it: what each holds, make one now, restore one. */
export function BackupsPage() {
  const announce = useAnnounce();
  const client = useQueryClient();
  const { state, reload } = useLoad('backups', () => call('backups.list', {}), []);
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(null);
  const makeButton = useRef<HTMLButtonElement>(null);

  if (state.status === 'loading') return <LoadingState what="the backups" />;
  if (state.status === 'failed') return <LoadFailed what="Backups" error={state.error} />;
  const backups = state.data;

  const makeBackup = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const made = await call('backups.create', {});
      announce(`Backup made ${when(made.createdAt)}`);
      await reload();
    } catch (error) {
      setFailure((previous) => ({ message: messageOf(error), attempt: (previous?.attempt ?? 0) + 1 }));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (backup: Backup) => {
    const result = await call('backups.restore', { name: backup.name });
    // Everything read before is from the database as it was: forget it all (this page reads again).
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'screen' || query.queryKey[1] !== 'backups' });
    setConfirming(null);
    announce(restoredInWords(result));
    await reload();
    makeButton.current?.focus();
  };

  return (
    <PageLayout>
      <PageHeading>Backups</PageHeading>
      <p className="nhsuk-lede-text">
        Copies of this computer’s assessment database, kept in a “backups” folder beside it. One is made when the app
        starts (at most once a day), after each assessment is signed off and before any restore, and you can make one at any time. The newest 10 are kept.
      </p>
      <ErrorSummary title="The backup could not be made" items={failure ? [{ message: failure.message }] : []} focusKey={failure?.attempt ?? 0} />
      <button ref={makeButton} type="button" className="nhsuk-button" aria-disabled={busy || undefined} onClick={() => void makeBackup()}>
        {busy ? 'Making a backup…' : 'Make a backup now'}
      </button>
      {confirming && <ConfirmRestore backup={confirming} onConfirm={() => restore(confirming)} onCancel={() => setConfirming(null)} key={confirming.name} />}
      {backups.length === 0 ? (
        <p className="nhsuk-body">There are no backups yet.</p>
      ) : (
        <BackupsTable backups={backups} onRestore={setConfirming} />
      )}
    </PageLayout>
  );
}
