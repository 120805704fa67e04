import { SiteRename } from '../../../../shared/domain/estate-schemas';
import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { RecordActions } from '../../components/RecordActions';
import { RenameForm } from '../../components/RenameForm';
import { NotRecorded, SummaryList } from '../../components/SummaryList';
import { href } from '../../routing/routes';
import { WardForm } from '../wards/WardForm';
import { WardsTable } from '../wards/WardsTable';
import { SiteRemoval } from './SiteRemoval';
import { FormColumn } from '../../components/FormColumn';
import { SiteReportSection } from '../reports/ReportSections';

/** One site: its details and its wards. */
export function SitePage({ siteId }: { siteId: string }) {
  const { state, reload } = useLoad('site', async () => {
    const [site, wards, path] = await Promise.all([
      call('sites.get', { id: siteId }),
      call('wards.list', { siteId }),
      call('estate.path', { siteId }),
    ]);
    return { site, wards, path };
  }, [siteId]);

  if (state.status === 'loading') return <LoadingState what="the site" />;
  if (state.status === 'failed') return <LoadFailed what="Site" error={state.error} />;
  const { site, wards, path } = state.data;
  const beds = wards.reduce((sum, ward) => sum + ward.bedCount, 0);

  return (
    <PageLayout
      breadcrumbs={[
        { href: href.boards(), label: 'Estate register' },
        { href: href.board(path.board.id), label: path.board.name },
      ]}
    >
      <PageHeading caption={`Site in ${path.board.name}`}>{site.name}</PageHeading>
      <RecordActions
        details={
          <SummaryList
            rows={[
              ['EAMS site code', site.eamsSiteCode ?? <NotRecorded />],
              ['Wards', site.wardCount],
              ['Beds', beds],
            ]}
          />
        }
        changeLabel="Rename site"
        removeLabel="Remove site"
        renderChange={(close) => (
          <FormColumn>
            <RenameForm
              schema={SiteRename}
              id={site.id}
              currentName={site.name}
              label="Site name"
              rename={(values) => call('sites.rename', values)}
              onDone={async () => {
                await reload();
                close();
              }}
              onCancel={close}
            />
          </FormColumn>
        )}
        renderRemove={(close) => <SiteRemoval site={site} wards={wards} boardId={path.board.id} onCancel={close} />}
      />
      <WardsTable wards={wards} />
      <SiteReportSection siteId={site.id} />
      <FormColumn>
        <h2 className="nhsuk-heading-m">Add a ward</h2>
        <WardForm siteId={site.id} />
      </FormColumn>
    </PageLayout>
  );
}
