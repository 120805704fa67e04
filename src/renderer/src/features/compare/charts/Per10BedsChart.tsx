import { useId } from 'react';
import type { CompareRow } from '../../../../../shared/contract/compare';
import { TableHead } from '../../../components/TableHead';

const WIDTH = 640;
const LABEL_WIDTH = 220;
const ROW_HEIGHT = 30;
const TOP = 8;
const AXIS_HEIGHT = 28;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - 64;

/**
 * High and extreme residual ligature points per 10 beds, one bar per row: a like-for-like measure
 * across wards of different sizes. Rows with no beds compared are left out of the chart (the
 * table says so).
 */
export function Per10BedsChart({ rows }: { rows: readonly Pick<CompareRow, 'id' | 'name' | 'bedCount' | 'ligature'>[] }) {
  const captionId = useId();
  const plotted = rows.filter((r) => r.ligature.highExtremeResidualPer10Beds !== null);
  const top = Math.max(1, ...plotted.map((r) => r.ligature.highExtremeResidualPer10Beds ?? 0));
  const scaleMax = Math.ceil(top);
  const ticks = Array.from({ length: 5 }, (_, i) => Number(((scaleMax * i) / 4).toFixed(2)));
  const height = TOP + plotted.length * ROW_HEIGHT + AXIS_HEIGHT;
  const x = (value: number) => LABEL_WIDTH + (value / scaleMax) * PLOT_WIDTH;
  return (
    <figure className="app-chart">
      <figcaption id={captionId} className="nhsuk-heading-s">
        High and extreme residual ligature points per 10 beds
      </figcaption>
      {plotted.length === 0 ? (
        <p className="nhsuk-body">No assessed beds to compare.</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={captionId} className="app-chart__svg">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={height - AXIS_HEIGHT} className="app-chart__grid" />
              <text x={x(tick)} y={height - 8} textAnchor="middle" className="app-chart__tick">
                {tick}
              </text>
            </g>
          ))}
          {plotted.map((row, index) => {
            const value = row.ligature.highExtremeResidualPer10Beds ?? 0;
            const y = TOP + index * ROW_HEIGHT;
            return (
              <g key={row.id}>
                <text x={LABEL_WIDTH - 8} y={y + ROW_HEIGHT / 2 + 5} textAnchor="end" className="app-chart__label">
                  {row.name.length > 28 ? `${row.name.slice(0, 27)}…` : row.name}
                </text>
                <rect x={LABEL_WIDTH} y={y + 5} width={Math.max(x(value) - LABEL_WIDTH, 1)} height={ROW_HEIGHT - 10} className="app-chart__bar" />
                <text x={x(value) + 6} y={y + ROW_HEIGHT / 2 + 5} className="app-chart__value">
                  {value}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Ligature points per 10 beds: the figures as a table</span>
        </summary>
        <div className="nhsuk-details__text">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">High and extreme residual ligature points per 10 beds</caption>
            <TableHead columns={['Name', 'High or extreme points', 'Beds', 'Per 10 beds']} numericFrom={1} />
            <tbody className="nhsuk-table__body">
              {rows.map((row) => (
                <tr className="nhsuk-table__row" key={row.id}>
                  <th scope="row" className="nhsuk-table__header">
                    {row.name}
                  </th>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{row.ligature.highExtremeResidual}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{row.bedCount}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{row.ligature.highExtremeResidualPer10Beds ?? 'no beds compared'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
