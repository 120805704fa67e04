import type { Output } from '../../../../shared/contract';
import { SEX_DESIGNATION_LABELS, WARD_TYPE_LABELS } from '../../../../shared/domain/estate';
import { href } from '../../routing/routes';
import { TableHead } from '../../components/TableHead';

export function WardsTable({ wards }: { wards: Output<'wards.list'> }) {
  if (wards.length === 0) {
    return (
      <>
        <h2 className="nhsuk-heading-m">Wards</h2>
        <p className="nhsuk-body">This site has no wards yet. Add its first inpatient mental health ward below.</p>
      </>
    );
  }
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">Wards</caption>
      <TableHead columns={['Ward', 'Type', { heading: 'Beds', numeric: true }, 'Sex designation', { heading: 'Areas', numeric: true }]} />
      <tbody className="nhsuk-table__body">
        {wards.map((ward) => (
          <tr className="nhsuk-table__row" key={ward.id}>
            <th className="nhsuk-table__header" scope="row">
              <a href={href.ward(ward.id)}>{ward.name}</a>
            </th>
            <td className="nhsuk-table__cell">{WARD_TYPE_LABELS[ward.type]}</td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{ward.bedCount}</td>
            <td className="nhsuk-table__cell">{SEX_DESIGNATION_LABELS[ward.sexDesignation]}</td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{ward.areaCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
