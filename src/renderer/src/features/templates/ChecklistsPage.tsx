import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { useAnnounce } from '../../app/status';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { href } from '../../routing/routes';
import { DOMAIN_LABELS, DOMAIN_ORDER } from './domain-labels';
import { InstallTemplate } from './InstallTemplate';
import { VersionsTable } from './VersionsTable';

type Version = Output<'templates.list'>[number];

/**
 * After a change the button that made it is gone (the row is now current, or the preview closed):
 * put focus on that checklist's table, so keyboard users carry on from what changed.
 */
function focusVersions(domain: Version['domain']): void {
  document.getElementById(`versions-${domain}`)?.focus();
}

/** The installed checklist versions per domain, which one is current, and installing a new one. */
export function ChecklistsPage() {
  const announce = useAnnounce();
  const { state, reload } = useLoad('checklists', () => call('templates.list', {}), []);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(null);

  if (state.status === 'loading') return <LoadingState what="the checklists" />;
  if (state.status === 'failed') return <LoadFailed what="Checklists" error={state.error} />;

  const makeCurrent = async (version: Version) => {
    setBusyKey(version.key);
    setFailure(null);
    try {
      await call('templates.setCurrent', { key: version.key });
      announce(`${version.key} is now current for new ${DOMAIN_LABELS[version.domain].toLowerCase()} assessments.`);
      await reload();
      focusVersions(version.domain);
    } catch (error) {
      setFailure((previous) => ({ message: messageOf(error), attempt: (previous?.attempt ?? 0) + 1 }));
    } finally {
      setBusyKey(null);
    }
  };

  return (
    <PageLayout>
      <PageHeading>Checklists</PageHeading>
      <p className="nhsuk-lede-text">The four checklists each assessment uses, and every version installed on this computer.</p>
      <p className="nhsuk-body">
        A new assessment uses the <strong>current</strong> version of each checklist. An assessment keeps the versions it
        was started with, so installing or switching versions never changes a score already recorded. How answers become
        scores is set out in <a href={href.help()}>the scoring method</a>.
      </p>
      <ErrorSummary title="The version was not made current" items={failure ? [{ message: failure.message }] : []} focusKey={failure?.attempt ?? 0} />
      {DOMAIN_ORDER.map((domain) => (
        <VersionsTable
          key={domain}
          domain={domain}
          versions={state.data.filter((v) => v.domain === domain)}
          busyKey={busyKey}
          onMakeCurrent={(v) => void makeCurrent(v)}
        />
      ))}
      <InstallTemplate
        onInstalled={async (domain) => {
          await reload();
          focusVersions(domain);
        }}
      />
    </PageLayout>
  );
}
