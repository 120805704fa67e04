import type { Output } from '../../../../shared/contract';
import { AREA_TYPE_LABELS } from '../../../../shared/domain/estate';
import { TableHead } from '../../components/TableHead';

type Area = Output<'areas.list'>[number];

export function AreasTable(props: { areas: Area[]; onChange: (area: Area) => void; onRemove: (area: Area) => void }) {
  const { areas, onChange, onRemove } = props;
  return (
    <table className="nhsuk-table nhsuk-table--compact">
      <caption className="nhsuk-u-visually-hidden">Areas on this ward</caption>
      <TableHead columns={['Area', 'Type', 'Supervision tier', { heading: 'Actions', hidden: true }]} />
      <tbody className="nhsuk-table__body">
        {areas.map((area) => (
          <tr className="nhsuk-table__row" key={area.id}>
            <th className="nhsuk-table__header" scope="row">
              {area.name}
              {area.eamsRoomCode && <span className="nhsuk-body-s nhsuk-u-secondary-text-colour app-cell-note">Room code {area.eamsRoomCode}</span>}
            </th>
            <td className="nhsuk-table__cell">{AREA_TYPE_LABELS[area.type]}</td>
            <td className="nhsuk-table__cell">
              <TierCell area={area} />
            </td>
            <td className="nhsuk-table__cell nhsuk-u-nowrap">
              <button type="button" className="app-link-button" id={`change-area-${area.id}`} onClick={() => onChange(area)}>
                Change<span className="nhsuk-u-visually-hidden"> {area.name}</span>
              </button>
              <button type="button" className="app-link-button" id={`remove-area-${area.id}`} onClick={() => onRemove(area)}>
                Remove<span className="nhsuk-u-visually-hidden"> {area.name}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TierCell({ area }: { area: Area }) {
  if (area.supervisionTier === area.defaultTier) {
    return (
      <>
        Tier {area.supervisionTier} <span className="nhsuk-u-secondary-text-colour">(default for this type)</span>
      </>
    );
  }
  return (
    <>
      Tier {area.supervisionTier}{' '}
      <strong className="nhsuk-tag nhsuk-tag--orange">Changed from tier {area.defaultTier}</strong>
      <span className="nhsuk-body-s app-cell-note">Reason: {area.tierOverrideReason ?? 'not recorded'}</span>
    </>
  );
}
