import { WARD_TYPE_LABELS } from '../../../../shared/domain/estate';
import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { SummaryList } from '../../components/SummaryList';
import { NotFoundPage } from '../../app/NotFoundPage';
import { compareHref, parseDrillQuery } from './compare-query';
import { DrillItemsTable, DrillPointsTable } from './DrillTables';
import { DOMAIN_LABELS, RatingTag, percent } from './ratings';

/** What lies behind one ward's domain cell: the items that fell short, or the ligature register. */
export function DrillPage({ query }: { query: string }) {
  const parsed = parseDrillQuery(query);
  const { state } = useLoad('compare-drill', async () => (parsed ? call('compare.drill', parsed.target) : null), [query]);
  if (!parsed) return <NotFoundPage />;
  if (state.status === 'loading') return <LoadingState what="the items behind this rating" />;
  if (state.status === 'failed' || state.data === null) return <LoadFailed what="Assessment" error={state.status === 'failed' ? state.error : null} />;
  const drill = state.data;
  const back = compareHref(parsed.back);
  const backLabel =
    parsed.back.level === 'site' && parsed.back.id === drill.site.id
      ? `Wards of ${drill.site.name}`
      : parsed.back.level === 'board' && parsed.back.id === drill.board.id
        ? `Sites of ${drill.board.name}`
        : 'All boards';
  const isLigature = drill.domain === 'ligature';

  return (
    <PageLayout breadcrumbs={[{ href: back, label: backLabel }]}>
      <PageHeading caption={`${drill.site.name}, ${drill.board.name}`}>
        {DOMAIN_LABELS[drill.domain]}: {drill.ward.name}
      </PageHeading>
      <SummaryList
        rows={[
          ['Rating', <RatingTag key="rating" rating={drill.rating} />],
          ...(isLigature ? [] : ([['Percentage', percent(drill.percentage)]] as [string, string][])),
          [isLigature ? 'Prompts answered' : 'Completeness', percent(drill.completeness)],
          ['Ward', `${WARD_TYPE_LABELS[drill.ward.type]}, ${drill.ward.bedCount} beds`],
          ['Assessment', `Round ${drill.assessment.round}, assessed ${drill.assessment.assessedOn}, ${drill.assessment.status === 'signed_off' ? 'signed off' : 'draft (scores may still change)'}`],
        ]}
      />
      {drill.gates.length > 0 && (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Why this domain is red
            </span>
          </h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {drill.gates.map((gate) => (
              <li key={gate}>{gate}</li>
            ))}
          </ul>
        </div>
      )}
      {isLigature && <DrillPointsTable points={drill.points} />}
      <DrillItemsTable items={drill.items} domain={drill.domain} />
      <p className="nhsuk-body">
        <a href={back}>Back to the comparison</a>
      </p>
    </PageLayout>
  );
}
