import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { useAnnounce } from '../../app/status';
import { ConfirmAction } from '../../components/ConfirmAction';
import { LoadingState } from '../../components/LoadingState';
import { SummaryList } from '../../components/SummaryList';
import { contentsInWords, restoredInWords, when, type Backup } from './backup-words';
import { BackupsTable } from './BackupsTable';
import { ConfirmRestore } from './ConfirmRestore';

type Recovery = NonNullable<Output<'app.info'>['recovery']>;

/**
 * Shown instead of every page while the database cannot be used (recovery mode): what happened,
 * and the way back, the newest backup that passes every check (its checksum, SQLite's integrity
 * check). Without a good backup, an empty database can be started; the damaged file is kept.
 */
export function RecoveryPage({ recovery, onRecovered }: { recovery: Recovery; onRecovered: () => Promise<void> }) {
  const announce = useAnnounce();
  const { state } = useLoad('backups-verified', () => call('backups.list', { verify: true }), []);
  const [confirming, setConfirming] = useState<Backup | 'empty' | null>(null);

  const restore = async (backup: Backup) => {
    const result = await call('backups.restore', { name: backup.name });
    announce(restoredInWords(result));
    await onRecovered();
  };
  const startEmpty = async () => {
    const { setAside } = await call('recovery.startEmpty', {});
    announce(`Started an empty database. The damaged one is kept as ${setAside}.`);
    await onRecovered();
  };

  const backups = state.status === 'ready' ? state.data : [];
  const newestGood = backups.find((b) => b.contents !== null);
  return (
    <PageLayout>
      <PageHeading>The database could not be opened</PageHeading>
      <p className="nhsuk-lede-text">
        The app’s database is damaged, so nothing can be read or saved until it is put right. Nothing has been changed yet.
      </p>
      <SummaryList
        rows={[
          ['Database', <span className="app-break-anywhere">{recovery.file}</span>],
          ['What is wrong', recovery.problem],
        ]}
      />
      {confirming === 'empty' && (
        <ConfirmAction
          title="Start again with an empty database?"
          confirmLabel="Start an empty database"
          busyLabel="Starting…"
          refusalTitle="An empty database was not started"
          onConfirm={startEmpty}
          onCancel={() => setConfirming(null)}
        >
          <p className="nhsuk-body">
            The damaged file is moved aside and kept beside it, for your IT service desk. The new database starts with no estate.
          </p>
        </ConfirmAction>
      )}
      {confirming && confirming !== 'empty' && (
        <ConfirmRestore backup={confirming} damaged onConfirm={() => restore(confirming)} onCancel={() => setConfirming(null)} key={confirming.name} />
      )}
      {state.status === 'loading' && <LoadingState what="the backups (each is checked)" />}
      {state.status === 'ready' && newestGood && (
        <>
          <h2 className="nhsuk-heading-m">Restore the newest good backup</h2>
          <p className="nhsuk-body">
            The newest backup that passed every check was made {when(newestGood.createdAt)}: {contentsInWords(newestGood.contents!)}. Anything recorded
            after that is not in it.
          </p>
          <button type="button" className="nhsuk-button" onClick={() => setConfirming(newestGood)}>
            Restore the newest good backup
          </button>
        </>
      )}
      {state.status === 'ready' && !newestGood && (
        <>
          <h2 className="nhsuk-heading-m">No good backup</h2>
          <p className="nhsuk-body">
            {backups.length === 0 ? 'There are no backups beside this database.' : 'None of the backups beside this database passed its checks.'} Ask your
            IT service desk whether the file can be recovered from their own backups, or start again with an empty database.
          </p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setConfirming('empty')}>
            Start again with an empty database
          </button>
        </>
      )}
      {backups.length > 0 && <BackupsTable backups={backups} onRestore={setConfirming} />}
    </PageLayout>
  );
}
