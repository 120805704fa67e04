import { useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { useAnnounce } from '../../app/status';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TableHead } from '../../components/TableHead';
import { AREA_TYPE_LABELS } from '../../../../shared/domain/estate';

type Assignment = Output<'merge.status'>['assignments'][number];
type Assessment = Output<'assessments.get'>;

/** Each area with who is to assess it, changed one area at a time or for all areas of a type. */
export function AssignmentsTable({ assessment, assignments, readOnly, onChanged }: { assessment: Assessment; assignments: Assignment[]; readOnly: boolean; onChanged: () => Promise<void> }) {
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  async function assign(areaIds: string[], assessorId: string | null, what: string) {
    setError(null);
    try {
      await call('assignments.set', { assessmentId: assessment.id, areaIds, assessorId });
      const who = assessment.assessors.find((a) => a.id === assessorId)?.name;
      announce(`${what}: ${who ?? 'not assigned'}`);
      await onChanged();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <>
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {!readOnly && <AssignByType assessment={assessment} assignments={assignments} onAssign={assign} />}
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Areas and who takes them</caption>
        <TableHead columns={['Area', 'Type', 'Assessor']} numericFrom={3} />
        <tbody className="nhsuk-table__body">
          {assignments.map((row) => (
            <tr className="nhsuk-table__row" key={row.areaId}>
              <th className="nhsuk-table__header" scope="row">
                {row.areaName}
              </th>
              <td className="nhsuk-table__cell">{AREA_TYPE_LABELS[row.areaType as keyof typeof AREA_TYPE_LABELS] ?? row.areaType}</td>
              <td className="nhsuk-table__cell">
                {readOnly ? (
                  (row.assessorName ?? 'Not assigned')
                ) : (
                  <select
                    className="nhsuk-select"
                    aria-label={`Assessor for ${row.areaName}`}
                    value={row.assessorId ?? ''}
                    onChange={(event) => void assign([row.areaId], event.target.value || null, row.areaName)}
                  >
                    <option value="">Not assigned</option>
                    {assessment.assessors.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** "Give all bedrooms to Ailsa Grant". */
function AssignByType({ assessment, assignments, onAssign }: { assessment: Assessment; assignments: Assignment[]; onAssign: (areaIds: string[], assessorId: string | null, what: string) => Promise<void> }) {
  const typeId = useId();
  const assessorId = useId();
  const types = [...new Set(assignments.map((a) => a.areaType))];
  const [type, setType] = useState(types[0] ?? '');
  const [assessor, setAssessor] = useState(assessment.assessors[0]?.id ?? '');
  if (types.length === 0) return null;
  const label = (t: string) => AREA_TYPE_LABELS[t as keyof typeof AREA_TYPE_LABELS] ?? t;
  return (
    <form
      noValidate
      aria-label="Assign all areas of a type"
      className="app-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const areaIds = assignments.filter((a) => a.areaType === type).map((a) => a.areaId);
        void onAssign(areaIds, assessor || null, `Every ${label(type).toLowerCase()} area`);
      }}
    >
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={typeId}>
          All areas of type
        </label>
        <select className="nhsuk-select" id={typeId} value={type} onChange={(e) => setType(e.target.value)}>
          {types.map((t) => (
            <option key={t} value={t}>
              {label(t)}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={assessorId}>
          go to
        </label>
        <select className="nhsuk-select" id={assessorId} value={assessor} onChange={(e) => setAssessor(e.target.value)}>
          {assessment.assessors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
          <option value="">Nobody (not assigned)</option>
        </select>
      </div>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary">
        Assign
      </button>
    </form>
  );
}
