import type { Output } from '../../../../shared/contract';
import { href } from '../../routing/routes';
import { TableHead } from '../../components/TableHead';

type Assessment = Output<'assessments.get'>;

/** A ward's assessments on its page: resume a draft, open a signed-off one, or start the next. */
export function AssessmentsSection({ wardId, assessments }: { wardId: string; assessments: Assessment[] }) {
  const draft = assessments.find((a) => a.status === 'draft');
  const sorted = [...assessments].sort((a, b) => b.assessedOn.localeCompare(a.assessedOn) || b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="assessments-heading">
      <h2 className="nhsuk-heading-m" id="assessments-heading">
        Assessments <span className="nhsuk-u-secondary-text-colour">({assessments.length})</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="nhsuk-body">This ward has not been assessed yet.</p>
      ) : (
        <table className="nhsuk-table nhsuk-table--compact">
          <caption className="nhsuk-u-visually-hidden">Assessments of this ward</caption>
          <TableHead columns={['Round', 'Date', 'Status', { heading: 'Open', hidden: true }]} />
          <tbody className="nhsuk-table__body">
            {sorted.map((a) => (
              <tr className="nhsuk-table__row" key={a.id}>
                <th className="nhsuk-table__header" scope="row">{a.round}</th>
                <td className="nhsuk-table__cell">{a.assessedOn}</td>
                <td className="nhsuk-table__cell">
                  {a.status === 'draft' ? (
                    <strong className="nhsuk-tag nhsuk-tag--blue">Draft</strong>
                  ) : (
                    <strong className="nhsuk-tag nhsuk-tag--grey">Signed off {a.signedOffAt?.slice(0, 10)}</strong>
                  )}
                </td>
                <td className="nhsuk-table__cell">
                  <a href={href.walk(a.id)}>
                    {a.status === 'draft' ? 'Resume' : 'View'}
                    <span className="nhsuk-u-visually-hidden"> the {a.round} assessment of {a.assessedOn}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft ? (
        <p className="nhsuk-body">
          <a className="nhsuk-button nhsuk-u-margin-bottom-0" href={href.walk(draft.id)}>
            Resume the draft assessment
          </a>
        </p>
      ) : (
        <p className="nhsuk-body">
          <a className="nhsuk-button nhsuk-u-margin-bottom-0" href={href.assessmentStart(wardId)}>
            Start an assessment
          </a>
        </p>
      )}
    </section>
  );
}
