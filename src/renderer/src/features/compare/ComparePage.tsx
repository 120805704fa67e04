import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import type { Crumb } from '../../app/Breadcrumbs';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { SummaryList } from '../../components/SummaryList';
import { BoxPlotChart } from './charts/BoxPlotChart';
import { Per10BedsChart } from './charts/Per10BedsChart';
import { CompareFilters, type ScopeChoices } from './CompareFilters';
import { compareHref, parseCompareQuery, toDataInput } from './compare-query';
import { CompareTable } from './CompareTable';
import { LigatureByWardType } from './LigatureByWardType';
import { DOMAIN_LABELS, percent } from './ratings';

/** Boards, sites or wards side by side, with distributions and like-for-like measures. */
export function ComparePage({ query: queryString }: { query: string }) {
  const query = parseCompareQuery(queryString);
  const { state } = useLoad('compare', async () => {
    const [data, boards] = await Promise.all([call('compare.data', toDataInput(query)), call('boards.list', {})]);
    const choices: ScopeChoices = {
      boards: await Promise.all(boards.map(async (b) => ({ id: b.id, name: b.name, sites: (await call('sites.list', { boardId: b.id })).map((s) => ({ id: s.id, name: s.name })) }))),
    };
    return { data, choices };
  }, [queryString]);

  if (state.status === 'loading') return <LoadingState what="the comparison" />;
  if (state.status === 'failed') return <LoadFailed what="Comparison" error={state.error} />;
  const { data, choices } = state.data;
  const heading =
    data.level === 'nation' ? 'Boards side by side' : data.level === 'board' ? `Sites of ${data.scope.board?.name ?? ''}` : `Wards of ${data.scope.site?.name ?? ''}`;
  const crumbs: Crumb[] = [];
  if (data.level !== 'nation') crumbs.push({ href: compareHref({ ...query, level: 'nation', id: null }), label: 'All boards' });
  if (data.level === 'site' && data.scope.board) crumbs.push({ href: compareHref({ ...query, level: 'board', id: data.scope.board.id }), label: data.scope.board.name });
  const { total } = data;

  return (
    <PageLayout breadcrumbs={crumbs}>
      <PageHeading caption="Compare">{heading}</PageHeading>
      <p className="nhsuk-body">
        The four domains are shown side by side and never blended into one score. Each rating is a word as well as a colour. Select a cell to see what lies behind it.
      </p>
      <CompareFilters key={queryString} query={query} choices={choices} filters={data.filters} />
      {total.wardCount === 0 ? (
        <p className="nhsuk-body nhsuk-u-font-weight-bold">
          No {data.filters.includeDrafts ? 'assessed' : 'signed-off'} ward matches these choices. {data.filters.includeDrafts ? 'Choose' : 'Tick “Include drafts” or choose'} another round or ward type.
        </p>
      ) : (
        <>
          <SummaryList
            rows={[
              ['Wards compared', `${total.wardCount} ${total.wardCount === 1 ? 'ward' : 'wards'}, ${total.bedCount} beds`],
              ['Round', data.filters.round ?? 'The latest round of each ward'],
              ['Assessments', data.filters.includeDrafts ? `Signed off, or the draft where a ward has no signed-off assessment in the round (${total.draftCount} draft${total.draftCount === 1 ? '' : 's'})` : 'Signed off only (drafts are left out)'],
              ['High or extreme residual ligature points', `${total.ligature.highExtremeResidual} (${total.ligature.highExtremeResidualPer10Beds ?? '–'} per 10 beds)`],
              ['Single en-suite bedrooms', total.enSuite.share === null ? 'No bedrooms recorded' : `${percent(total.enSuite.share)} (${total.enSuite.enSuiteBedrooms} of ${total.enSuite.bedrooms} bedrooms)`],
            ]}
          />
          <CompareTable data={data} query={query} />
          <p className="nhsuk-body-s">
            <strong>Single en-suite bedrooms</strong> are counted from the areas recorded when each ward was assessed. The register does not say which en-suite
            belongs to which bedroom, so each en-suite area counts for at most one bedroom on the same ward: a ward with 10 bedrooms and 6 en-suites has 6 en-suite
            bedrooms. The share is en-suite bedrooms ÷ all bedrooms. <strong>Per 10 beds</strong> is all high and extreme residual ligature points ÷ all beds × 10.
            Quartiles use the inclusive method (as Excel’s QUARTILE.INC).
          </p>
          <h2 className="nhsuk-heading-m">Distributions by ward type</h2>
          {(['quality', 'safety', 'therapeutic'] as const).map((domain) => (
            <BoxPlotChart key={domain} title={DOMAIN_LABELS[domain]} groups={data.byWardType[domain]} />
          ))}
          <h2 className="nhsuk-heading-m">Like-for-like ligature measure</h2>
          <Per10BedsChart rows={data.rows} />
          <LigatureByWardType groups={data.byWardType.ligature} />
        </>
      )}
    </PageLayout>
  );
}

