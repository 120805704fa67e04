import type { Output } from '../../../../shared/contract';
import { SEX_DESIGNATION_LABELS, WARD_TYPE_LABELS } from '../../../../shared/domain/estate';
import { href } from '../../routing/routes';

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
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">
            Ward
          </th>
          <th className="nhsuk-table__header" scope="col">
            Type
          </th>
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
            Beds
          </th>
          <th className="nhsuk-table__header" scope="col">
            Sex designation
          </th>
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
            Areas
          </th>
        </tr>
      </thead>
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
