import type { Output } from '../../../../shared/contract';
import { NotRecorded } from '../../components/SummaryList';
import { href } from '../../routing/routes';
import { TableHead } from '../../components/TableHead';

export function SitesTable({ sites }: { sites: Output<'sites.list'> }) {
  if (sites.length === 0) {
    return (
      <>
        <h2 className="nhsuk-heading-m">Sites</h2>
        <p className="nhsuk-body">This board has no sites yet. Add its first hospital or site below.</p>
      </>
    );
  }
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">Sites</caption>
      <TableHead columns={['Site', 'EAMS site code', { heading: 'Wards', numeric: true }]} />
      <tbody className="nhsuk-table__body">
        {sites.map((site) => (
          <tr className="nhsuk-table__row" key={site.id}>
            <th className="nhsuk-table__header" scope="row">
              <a href={href.site(site.id)}>{site.name}</a>
            </th>
            <td className="nhsuk-table__cell">{site.eamsSiteCode ?? <NotRecorded />}</td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{site.wardCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
