import { SEX_DESIGNATION_LABELS, WARD_TYPE_LABELS } from '../../../../shared/domain/estate';
import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { RecordActions } from '../../components/RecordActions';
import { NotRecorded, SummaryList } from '../../components/SummaryList';
import { href } from '../../routing/routes';
import { AreasSection } from '../areas/AreasSection';
import { AssessmentsSection } from '../assessments/AssessmentsSection';
import { WardForm } from './WardForm';
import { WardRemoval } from './WardRemoval';
import { FormColumn } from '../../components/FormColumn';
import { WardReportSection } from '../reports/ReportSections';
import { RegisterHandoutSection } from '../team/RegisterHandoutSection';

/** One ward: its details and the areas (rooms and spaces) an assessment walks through. */
export function WardPage({ wardId }: { wardId: string }) {
  const { state, reload } = useLoad('ward', async () => {
    const [ward, areas, path, assessments] = await Promise.all([
      call('wards.get', { id: wardId }),
      call('areas.list', { wardId }),
      call('estate.path', { wardId }),
      call('assessments.listForWard', { wardId }),
    ]);
    return { ward, areas, path, assessments };
  }, [wardId]);

  if (state.status === 'loading') return <LoadingState what="the ward" />;
  if (state.status === 'failed') return <LoadFailed what="Ward" error={state.error} />;
  const { ward, areas, path, assessments } = state.data;
  const site = path.site ?? { id: ward.siteId, name: 'Site' };

  return (
    <PageLayout
      breadcrumbs={[
        { href: href.boards(), label: 'Estate register' },
        { href: href.board(path.board.id), label: path.board.name },
        { href: href.site(site.id), label: site.name },
      ]}
    >
      <PageHeading caption={`Ward at ${site.name}`}>{ward.name}</PageHeading>
      <RecordActions
        details={
          <SummaryList
            rows={[
              ['Ward type', WARD_TYPE_LABELS[ward.type]],
              ['Beds', ward.bedCount],
              ['Sex designation', SEX_DESIGNATION_LABELS[ward.sexDesignation]],
              ['Block or building', ward.block ?? <NotRecorded />],
              ['EAMS block code', ward.eamsBlockCode ?? <NotRecorded />],
            ]}
          />
        }
        changeLabel="Change ward details"
        removeLabel="Remove ward"
        renderChange={(close) => (
          <FormColumn>
            <WardForm
              siteId={ward.siteId}
              ward={ward}
              onSaved={async () => {
                await reload();
                close();
              }}
              onCancel={close}
            />
          </FormColumn>
        )}
        renderRemove={(close) => <WardRemoval ward={ward} onCancel={close} />}
      />
      <WardReportSection wardId={ward.id} />
      <AssessmentsSection wardId={ward.id} assessments={assessments} />
      <AreasSection wardId={ward.id} areas={areas} onChanged={reload} />
      <RegisterHandoutSection board={path.board} ward={ward} />
    </PageLayout>
  );
}
