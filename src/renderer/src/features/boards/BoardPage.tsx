import { BoardRename } from '../../../../shared/domain/estate-schemas';
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
import { AddSiteForm } from '../sites/AddSiteForm';
import { SitesTable } from '../sites/SitesTable';
import { BoardRemoval } from './BoardRemoval';
import { FormColumn } from '../../components/FormColumn';
import { BoardReportSection } from '../reports/ReportSections';
import { ExportReturnSection } from '../exchange/ExportReturnSection';
import { RegisterHandoutSection } from '../team/RegisterHandoutSection';

/** One board: its details and its sites. */
export function BoardPage({ boardId }: { boardId: string }) {
  const { state, reload } = useLoad('board', async () => {
    const [board, sites] = await Promise.all([call('boards.get', { id: boardId }), call('sites.list', { boardId })]);
    return { board, sites };
  }, [boardId]);

  if (state.status === 'loading') return <LoadingState what="the board" />;
  if (state.status === 'failed') return <LoadFailed what="Board" error={state.error} />;
  const { board, sites } = state.data;

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }]}>
      <PageHeading caption="Health board">{board.name}</PageHeading>
      <RecordActions
        details={
          <SummaryList
            rows={[
              ['Board code', board.code ?? <NotRecorded />],
              ['Sites', board.siteCount],
              ['Wards', board.wardCount],
            ]}
          />
        }
        changeLabel="Rename board"
        removeLabel="Remove board"
        renderChange={(close) => (
          <FormColumn>
            <RenameForm
              schema={BoardRename}
              id={board.id}
              currentName={board.name}
              label="Board name"
              rename={(values) => call('boards.rename', values)}
              onDone={async () => {
                await reload();
                close();
              }}
              onCancel={close}
            />
          </FormColumn>
        )}
        renderRemove={(close) => <BoardRemoval board={board} sites={sites} onCancel={close} />}
      />
      <SitesTable sites={sites} />
      <BoardReportSection boardId={board.id} />
      <ExportReturnSection board={board} />
      <RegisterHandoutSection board={board} sites={sites} />
      <FormColumn>
        <h2 className="nhsuk-heading-m">Add a site</h2>
        <AddSiteForm boardId={board.id} />
      </FormColumn>
    </PageLayout>
  );
}
