import type { Output } from '../../../../shared/contract';
import type { CompareDomain } from '../../../../shared/contract/compare';
import type { RiskBand } from '../../../../shared/scoring';
import { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS, CONTROL_KIND_LABELS, RISK_BAND_LABELS, answerLabel } from '../../../../shared/vocabulary';

type Drill = Output<'compare.drill'>;

const FINDING_LABELS = { no: 'Not met', partial: 'Partly met', unanswered: 'Not answered' } as const;
const BAND_TAG: Record<RiskBand, string> = { low: 'green', moderate: 'yellow', high: 'orange', extreme: 'red' };

function header(label: string, numeric = false) {
  return (
    <th key={label} scope="col" className={`nhsuk-table__header${numeric ? ' nhsuk-table__header--numeric' : ''}`}>
      {label}
    </th>
  );
}

export function DrillItemsTable({ items, domain }: { items: Drill['items']; domain: CompareDomain }) {
  const ligature = domain === 'ligature';
  if (items.length === 0) {
    return <p className="nhsuk-body">{ligature ? 'Every ligature prompt was answered.' : 'Every item was answered with full marks or marked not applicable.'}</p>;
  }
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">
        {ligature ? `Prompts not answered (${items.length})` : `Items that fell short or were not answered (${items.length})`}
      </caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {ligature ? [header('Prompt'), header('Area')] : [header('Finding'), header('Item'), header('Area'), header('Answer'), header('Weight', true), header('Note')]}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {items.map((item) => (
          <tr className="nhsuk-table__row" key={`${item.itemId}-${item.areaId ?? 'ward'}`}>
            {!ligature && (
              <td className="nhsuk-table__cell">
                <strong className={`nhsuk-tag nhsuk-tag--${item.finding === 'no' ? 'red' : item.finding === 'partial' ? 'orange' : 'grey'}`}>{FINDING_LABELS[item.finding]}</strong>
              </td>
            )}
            <td className="nhsuk-table__cell">
              <strong>{item.itemId}</strong> {item.question}
              <span className="nhsuk-body-s app-cell-note">
                {item.section}
                {item.critical && ' · critical item (a “no” makes the domain red)'}
              </span>
            </td>
            <td className="nhsuk-table__cell">{item.areaName}</td>
            {!ligature && (
              <>
                <td className="nhsuk-table__cell">{item.answer === null ? 'Not answered' : answerLabel(item.answer)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{item.weight}</td>
                <td className="nhsuk-table__cell app-break-anywhere">{item.note ?? '–'}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DrillPointsTable({ points }: { points: Drill['points'] }) {
  if (points.length === 0) return <p className="nhsuk-body">No ligature point is recorded for this assessment.</p>;
  const risk = (r: Drill['points'][number]['residual']) => (
    <>
      <strong className={`nhsuk-tag nhsuk-tag--${BAND_TAG[r.band]}`}>{RISK_BAND_LABELS[r.band]}</strong>
      <span className="app-cell-note">
        {r.likelihood} × {r.severity} = {r.score}
      </span>
    </>
  );
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">Ligature points, highest residual risk first ({points.length})</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {[header('Area and element'), header('Tier', true), header('Before controls'), header('After controls'), header('Controls'), header('Actions')]}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {points.map((point) => (
          <tr className="nhsuk-table__row" key={point.id}>
            <td className="nhsuk-table__cell">
              <strong>{point.element}</strong>, {point.areaName}
              <span className="nhsuk-body-s app-cell-note app-break-anywhere">{point.description}</span>
            </td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
              {point.tier}
              {point.tierReason && <span className="nhsuk-body-s app-cell-note">Below the area’s tier: {point.tierReason}</span>}
            </td>
            <td className="nhsuk-table__cell">{risk(point.inherent)}</td>
            <td className="nhsuk-table__cell">{risk(point.residual)}</td>
            <td className="nhsuk-table__cell">
              {point.controls.length === 0 ? 'None recorded' : (
                <ul className="nhsuk-list nhsuk-body-s">
                  {point.controls.map((c, i) => (
                    <li key={i}>
                      {CONTROL_KIND_LABELS[c.kind]}
                      {c.description && `: ${c.description}`}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="nhsuk-table__cell">
              {point.actions.length === 0 ? (
                'No action recorded'
              ) : (
                <ul className="nhsuk-list nhsuk-body-s">
                  {point.actions.map((a, i) => (
                    <li key={i}>
                      {a.description}
                      <span className="app-cell-note">
                        {ACTION_TYPE_LABELS[a.type]}, {a.owner}, due {a.dueDate ?? 'no date'}, {ACTION_STATUS_LABELS[a.status]}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
