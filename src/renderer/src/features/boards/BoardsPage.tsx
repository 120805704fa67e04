import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { href } from '../../routing/routes';
import { AddBoardForm } from './AddBoardForm';
import { BoardsTable } from './BoardsTable';
import { DemoEstateOffer } from './DemoEstateOffer';
import { FormColumn } from '../../components/FormColumn';

/** The estate register's front page: every board, and where to add one. */
export function BoardsPage() {
  const { state, reload } = useLoad('boards', async () => {
    const [boards, info] = await Promise.all([call('boards.list', {}), call('app.info', {})]);
    return { boards, estateIsEmpty: info.estateIsEmpty };
  }, []);

  if (state.status === 'loading') return <LoadingState what="the estate register" />;
  if (state.status === 'failed') return <LoadFailed what="Estate register" error={state.error} />;
  const { boards, estateIsEmpty } = state.data;

  return (
    <PageLayout>
      <PageHeading>Estate register</PageHeading>
      <p className="nhsuk-lede-text">
        The health boards, sites, wards and areas you assess. Choose a board to see its sites.
      </p>
      <p className="nhsuk-body">
        Assessing as a team on several devices? Take the register or an assessment another device handed out on the{' '}
        <a href={href.handouts()}>Hand-outs</a> page.
      </p>
      {estateIsEmpty ? (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h2 className="nhsuk-heading-m">Add your first board</h2>
            <p className="nhsuk-body">There are no boards yet. Start with the health board whose wards you assess.</p>
            <AddBoardForm />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <DemoEstateOffer onLoaded={reload} />
          </div>
        </div>
      ) : (
        <>
          <BoardsTable boards={boards} />
          <FormColumn>
            <h2 className="nhsuk-heading-m">Add a board</h2>
            <AddBoardForm />
          </FormColumn>
        </>
      )}
    </PageLayout>
  );
}
