import type { Output } from '../../../../shared/contract';
import { WARD_TYPE_LABELS } from '../../../../shared/domain/estate';
import { RatingCountTags } from './ratings';
import { TableHead } from '../../components/TableHead';

type Group = Output<'compare.data'>['byWardType']['ligature'][number];

/** Ligature risk is never a percentage, so its distribution by ward type is counts and a rate. */
export function LigatureByWardType({ groups }: { groups: readonly Group[] }) {
  if (groups.length === 0) return null;
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">Ligature risk by ward type</caption>
      <TableHead columns={['Ward type', 'Ward ratings', 'High or extreme points', 'Beds', 'Per 10 beds']} numericFrom={2} />
      <tbody className="nhsuk-table__body">
        {groups.map((group) => (
          <tr className="nhsuk-table__row" key={group.wardType}>
            <th scope="row" className="nhsuk-table__header">
              {WARD_TYPE_LABELS[group.wardType]}
            </th>
            <td className="nhsuk-table__cell">
              <RatingCountTags counts={group.ratingCounts} />
            </td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{group.highExtremeResidual}</td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{group.bedCount}</td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{group.highExtremeResidualPer10Beds ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
