import type { Output } from '../../../../shared/contract';
import { DOMAIN_LABELS, shortHash, type Domain } from './domain-labels';
import { TableHead } from '../../components/TableHead';

type Version = Output<'templates.list'>[number];

/** One checklist's installed versions, newest first, with the current one marked. */
export function VersionsTable({
  domain,
  versions,
  busyKey,
  onMakeCurrent,
}: {
  domain: Domain;
  versions: Version[];
  busyKey: string | null;
  onMakeCurrent: (version: Version) => void;
}) {
  const label = DOMAIN_LABELS[domain];
  return (
    <table className="nhsuk-table app-focus-target" id={`versions-${domain}`} tabIndex={-1}>
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{label}</caption>
      <TableHead columns={['Version', { heading: 'Items', numeric: true }, 'Source', 'Content hash', { heading: 'Assessments using it', numeric: true }, { heading: 'Action', hidden: true }]} />
      <tbody className="nhsuk-table__body">
        {versions.length === 0 && (
          <tr className="nhsuk-table__row">
            <td className="nhsuk-table__cell" colSpan={6}>
              No version installed. Install one below before starting an assessment.
            </td>
          </tr>
        )}
        {versions.map((v) => (
          <tr className="nhsuk-table__row" key={v.key}>
            <th className="nhsuk-table__header" scope="row">
              {v.version}
              {v.isCurrent && <strong className="nhsuk-tag nhsuk-tag--green app-tag-after">Current</strong>}
              <span className="nhsuk-body-s nhsuk-u-secondary-text-colour app-cell-note">
                {v.status}, installed <span className="app-nowrap">{v.installedAt.slice(0, 10)}</span>
              </span>
            </th>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{v.itemCount}</td>
            <td className="nhsuk-table__cell app-break-anywhere">{v.source === 'bundled' ? 'Built into the app' : v.source}</td>
            <td className="nhsuk-table__cell">
              <code className="app-hash" title={`SHA-256 ${v.contentHash}`}>
                {shortHash(v.contentHash)}
              </code>
            </td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{v.assessmentsPinned}</td>
            <td className="nhsuk-table__cell">
              {!v.isCurrent && (
                <button
                  type="button"
                  className="app-link-button"
                  aria-disabled={busyKey !== null || undefined}
                  onClick={() => busyKey === null && onMakeCurrent(v)}
                >
                  {busyKey === v.key ? 'Making current…' : 'Make current'}
                  <span className="nhsuk-u-visually-hidden">{`(${label} ${v.version})`}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
