import { useId } from 'react';
import type { Output } from '../../../../../shared/contract';
import { WARD_TYPE_LABELS } from '../../../../../shared/domain/estate';
import { RatingCountTags, percent } from '../ratings';
import { TableHead } from '../../../components/TableHead';

type Group = Output<'compare.data'>['byWardType']['quality'][number];

const WIDTH = 640;
const LABEL_WIDTH = 220;
const ROW_HEIGHT = 36;
const TOP = 8;
const AXIS_HEIGHT = 28;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - 24;
const TICKS = [0, 20, 40, 60, 80, 100];

/**
 * Box-and-whisker of ward percentages by ward type: whiskers from lowest to highest ward, the box
 * from the first to the third quartile, a thick line at the median. Drawn as plain SVG; the same
 * figures follow in a table for anyone who cannot see the chart.
 */
export function BoxPlotChart({ title, groups }: { title: string; groups: readonly Group[] }) {
  const captionId = useId();
  const plotted = groups.filter((g) => g.distribution !== null);
  const height = TOP + plotted.length * ROW_HEIGHT + AXIS_HEIGHT;
  const x = (value: number) => LABEL_WIDTH + (value / 100) * PLOT_WIDTH;
  return (
    <figure className="app-chart">
      <figcaption id={captionId} className="nhsuk-heading-s">
        {title}: ward percentages by ward type (lowest, quartiles, median, highest)
      </figcaption>
      {plotted.length === 0 ? (
        <p className="nhsuk-body">No ward has a percentage for this domain yet.</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={captionId} className="app-chart__svg">
          {TICKS.map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={height - AXIS_HEIGHT} className="app-chart__grid" />
              <text x={x(tick)} y={height - 8} textAnchor="middle" className="app-chart__tick">
                {tick}%
              </text>
            </g>
          ))}
          {plotted.map((group, index) => {
            const d = group.distribution!;
            const mid = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
            return (
              <g key={group.wardType}>
                <text x={LABEL_WIDTH - 8} y={mid + 5} textAnchor="end" className="app-chart__label">
                  {shortLabel(group.wardType)} ({d.n})
                </text>
                <line x1={x(d.min)} x2={x(d.max)} y1={mid} y2={mid} className="app-chart__whisker" />
                <line x1={x(d.min)} x2={x(d.min)} y1={mid - 7} y2={mid + 7} className="app-chart__whisker" />
                <line x1={x(d.max)} x2={x(d.max)} y1={mid - 7} y2={mid + 7} className="app-chart__whisker" />
                <rect x={x(d.q1)} y={mid - 11} width={Math.max(x(d.q3) - x(d.q1), 1)} height={22} className="app-chart__box" />
                <line x1={x(d.median)} x2={x(d.median)} y1={mid - 13} y2={mid + 13} className="app-chart__median" />
              </g>
            );
          })}
        </svg>
      )}
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">{title}: the figures as a table</span>
        </summary>
        <div className="nhsuk-details__text">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{title}: ward percentages by ward type</caption>
            <TableHead columns={['Ward type', 'Ratings', 'Wards with a percentage', 'Lowest', 'First quartile', 'Median', 'Third quartile', 'Highest']} numericFrom={2} />
            <tbody className="nhsuk-table__body">
              {groups.map((group) => (
                <tr className="nhsuk-table__row" key={group.wardType}>
                  <th scope="row" className="nhsuk-table__header">
                    {WARD_TYPE_LABELS[group.wardType]}
                  </th>
                  <td className="nhsuk-table__cell">
                    <RatingCountTags counts={group.ratingCounts} />
                  </td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{group.distribution?.n ?? 0}</td>
                  {(['min', 'q1', 'median', 'q3', 'max'] as const).map((k) => (
                    <td key={k} className="nhsuk-table__cell nhsuk-table__cell--numeric">
                      {percent(group.distribution?.[k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Labels short enough for the chart's margin; the table gives the full names. */
function shortLabel(type: Group['wardType']): string {
  return type === 'ipcu' ? 'IPCU' : type === 'camhs' ? 'CAMHS' : WARD_TYPE_LABELS[type];
}
