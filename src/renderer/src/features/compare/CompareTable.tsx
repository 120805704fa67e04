import type { ReactNode } from 'react';
import type { Output } from '../../../../shared/contract';
import type { CompareRow } from '../../../../shared/contract/compare';
import { WARD_TYPE_LABELS } from '../../../../shared/domain/estate';
import { compareHref, drillHref, type CompareQuery } from './compare-query';
import { DOMAIN_LABELS, RatingCountTags, RatingTag, percent } from './ratings';

type Data = Output<'compare.data'>;
const COMPLIANCE = ['quality', 'safety', 'therapeutic'] as const;

/**
 * One row per board, site or ward; the four domains side by side, never blended. Each cell is a
 * link: on a board or site row to the wards behind it, on a ward row to the items and ligature
 * points behind that rating.
 */
export function CompareTable({ data, query }: { data: Data; query: CompareQuery }) {
  const what = data.level === 'nation' ? 'Boards' : data.level === 'board' ? `Sites of ${data.scope.board?.name ?? ''}` : `Wards of ${data.scope.site?.name ?? ''}`;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby="compare-table-caption" tabIndex={0}>
      <table className="nhsuk-table app-compare-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m" id="compare-table-caption">
          {what}: the four domains
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              {data.level === 'nation' ? 'Board' : data.level === 'board' ? 'Site' : 'Ward'}
            </th>
            {COMPLIANCE.map((domain) => (
              <th className="nhsuk-table__header" scope="col" key={domain}>
                {DOMAIN_LABELS[domain]}
              </th>
            ))}
            <th className="nhsuk-table__header" scope="col">
              {DOMAIN_LABELS.ligature}
            </th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
              Single en-suite bedrooms
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {data.rows.map((row) => (
            <tr className="nhsuk-table__row" key={row.id}>
              <th className="nhsuk-table__header" scope="row">
                <RowName row={row} query={query} />
              </th>
              {COMPLIANCE.map((domain) => (
                <td className="nhsuk-table__cell" key={domain}>
                  <ComplianceCell row={row} domain={domain} query={query} />
                </td>
              ))}
              <td className="nhsuk-table__cell">
                <LigatureCell row={row} query={query} />
              </td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                <EnSuite row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Where a cell leads: a ward's drill-down, or the wards (or sites) behind a group row. */
function cellHref(row: CompareRow, query: CompareQuery, domain: keyof typeof DOMAIN_LABELS): string | null {
  if (row.ward) return drillHref(query, { assessmentId: row.ward.assessmentId, domain });
  if (row.wardCount === 0) return null;
  return compareHref({ ...query, level: row.kind === 'board' ? 'board' : 'site', id: row.id });
}

function RowName({ row, query }: { row: CompareRow; query: CompareQuery }) {
  const beds = `${row.wardCount} ${row.wardCount === 1 ? 'ward' : 'wards'}${row.draftCount > 0 ? ` (${row.draftCount} draft${row.draftCount === 1 ? '' : 's'})` : ''}, ${row.bedCount} beds`;
  if (row.ward) {
    return (
      <>
        {row.name}
        <span className="nhsuk-body-s app-cell-note">
          {WARD_TYPE_LABELS[row.ward.type]}, {row.bedCount} beds
          <br />
          Round {row.ward.round}, {row.ward.status === 'signed_off' ? 'signed off' : <strong className="nhsuk-tag nhsuk-tag--grey app-tag-small">Draft</strong>}
        </span>
      </>
    );
  }
  return (
    <>
      <a href={compareHref({ ...query, level: row.kind === 'board' ? 'board' : 'site', id: row.id })}>{row.name}</a>
      <span className="nhsuk-body-s app-cell-note">{row.wardCount === 0 ? 'No assessed wards match' : beds}</span>
    </>
  );
}

function CellLink({ to, label, children }: { to: string | null; label: string; children: ReactNode }) {
  if (!to) return <>{children}</>;
  return (
    <a href={to} className="app-cell-link">
      <span className="nhsuk-u-visually-hidden">{label}: </span>
      {children}
    </a>
  );
}

function ComplianceCell({ row, domain, query }: { row: CompareRow; domain: (typeof COMPLIANCE)[number]; query: CompareQuery }) {
  const cell = row[domain];
  if (row.wardCount === 0) return <span>–</span>;
  const label = `${DOMAIN_LABELS[domain]}, ${row.name}`;
  if (cell.rating) {
    return (
      <CellLink to={cellHref(row, query, domain)} label={`Show the items behind ${label}`}>
        <RatingTag rating={cell.rating} />
        <span className="app-cell-figure">{percent(cell.percentage?.median)}</span>
        <span className="nhsuk-body-s app-cell-note">{percent(cell.completeness?.median)} complete</span>
      </CellLink>
    );
  }
  return (
    <CellLink to={cellHref(row, query, domain)} label={`Show the wards behind ${label}`}>
      <RatingCountTags counts={cell.ratingCounts} />
      <span className="app-cell-figure">median {percent(cell.percentage?.median)}</span>
      <span className="nhsuk-body-s app-cell-note">
        {(cell.percentage?.n ?? 0) > 1 && (
          <>
            quartiles {percent(cell.percentage?.q1)} to {percent(cell.percentage?.q3)}
            <br />
          </>
        )}
        median {percent(cell.completeness?.median)} complete
      </span>
    </CellLink>
  );
}

function LigatureCell({ row, query }: { row: CompareRow; query: CompareQuery }) {
  const cell = row.ligature;
  if (row.wardCount === 0) return <span>–</span>;
  const label = `${DOMAIN_LABELS.ligature}, ${row.name}`;
  const figures = (
    <>
      <span className="app-cell-figure">
        {cell.highExtremeResidual} high or extreme
      </span>
      <span className="nhsuk-body-s app-cell-note">
        {cell.highExtremeResidualPer10Beds ?? '–'} per 10 beds
        <br />
        {cell.completeness?.n === 1 ? `${percent(cell.completeness.median)} of prompts answered` : `median ${percent(cell.completeness?.median)} of prompts answered`}
      </span>
    </>
  );
  return (
    <CellLink to={cellHref(row, query, 'ligature')} label={`Show the ${cell.rating ? 'ligature points' : 'wards'} behind ${label}`}>
      {cell.rating ? <RatingTag rating={cell.rating} /> : <RatingCountTags counts={cell.ratingCounts} />}
      {figures}
    </CellLink>
  );
}

function EnSuite({ row }: { row: CompareRow }) {
  const { bedrooms, enSuiteBedrooms, share } = row.enSuite;
  if (share === null) return <span>–</span>;
  return (
    <>
      {percent(share)}
      <span className="nhsuk-body-s app-cell-note">
        {enSuiteBedrooms} of {bedrooms}
      </span>
    </>
  );
}
