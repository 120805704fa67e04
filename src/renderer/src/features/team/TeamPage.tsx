import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TableHead } from '../../components/TableHead';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { count } from '../../components/counts';
import { instantText } from '../../components/instant';
import { href } from '../../routing/routes';
import { AssessmentNav } from '../assessments/AssessmentNav';
import { forgetAssessment, useAssessmentAndWard, useTeam } from '../assessments/assessment-queries';
import { AssignmentsTable } from './AssignmentsTable';
import { DeviceName } from './DeviceName';
import { useFileDownload } from './use-file-download';
import { TakeFilesForm } from './TakeFilesForm';

type Status = Output<'merge.status'>;

/** One assessment worked on by a team: who takes which areas, handing it out, bringing work back. */
export function TeamPage({ assessmentId }: { assessmentId: string }) {
  const client = useQueryClient();
  const { assessment, ward, error } = useAssessmentAndWard(assessmentId);
  const team = useTeam(assessmentId);
  // Assigning, naming the device, handing out or merging: the assessment's screens read it again.
  const reload = () => forgetAssessment(client, assessmentId);
  if (error ?? team.error) return <LoadFailed what="Team page" error={error ?? team.error} />;
  if (!assessment || !ward || !team.data) return <LoadingState what="the team page" />;
  const status = team.data;
  const draft = assessment.status === 'draft';
  const waiting = status.conflicts + status.duplicates;

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>Team and hand-outs</PageHeading>
      <AssessmentNav assessment={assessment} current="team" />
      {waiting > 0 && (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Work from other devices to settle
            </span>
          </h2>
          <p>
            {[status.conflicts > 0 ? count(status.conflicts, 'conflict') : '', status.duplicates > 0 ? count(status.duplicates, 'pair', 'pairs') + ' of areas that look added twice' : ''].filter(Boolean).join(' and ')}{' '}
            {waiting === 1 ? 'waits' : 'wait'} for a person to decide. Until then the live scores are provisional and the assessment cannot be signed off.{' '}
            <a href={href.assessmentResolve(assessment.id)}>Resolve them</a>
          </p>
        </div>
      )}

      <DeviceName device={status.device} onRenamed={reload} />

      <section aria-labelledby="assign-heading" className="nhsuk-u-margin-bottom-7">
        <h2 className="nhsuk-heading-m" id="assign-heading">
          Who takes which areas
        </h2>
        <p className="nhsuk-body">
          Share the walk out: each area can be given to one assessor. Every device shows this once it has the latest file; nobody is
          locked out of any area.
        </p>
        <AssignmentsTable assessment={assessment} assignments={status.assignments} readOnly={!draft} onChanged={reload} />
      </section>

      <HandOutSection assessmentId={assessment.id} wardName={ward.name} onWritten={reload} />

      <section aria-labelledby="bring-back-heading" className="nhsuk-u-margin-bottom-7">
        <h2 className="nhsuk-heading-m" id="bring-back-heading">
          Bring back work from another device
        </h2>
        <p className="nhsuk-body">
          Take the file another device handed out of this assessment. Each answer, note, photo, ligature point, action, re-check and
          area is merged on its own: a change made on one device only is taken; the same change on both is taken once; two different
          changes, or a change against a removal, wait on the Resolve page with both versions.
        </p>
        <TakeFilesForm label="Files from other devices" hint="Files of this assessment (.json); a file of any other assessment is refused." button="Merge into this assessment" into={assessment.id} />
      </section>

      <HistoryTable history={status.history} />
    </PageLayout>
  );
}

function HandOutSection({ assessmentId, wardName, onWritten }: { assessmentId: string; wardName: string; onWritten: () => Promise<void> }) {
  const photosId = useId();
  const errorId = useId();
  const [includePhotos, setIncludePhotos] = useState(true);
  const { busy, error, download } = useFileDownload();
  const start = () =>
    download(
      () => call('handouts.exportAssessment', { assessmentId, includePhotos }),
      (file) => `Hand-out file downloaded: ${file.fileName}, ${count(file.records, 'record')}${includePhotos ? `, ${count(file.photos, 'photo')}` : ', without photos'}`,
    ).then(onWritten);

  return (
    <section aria-labelledby="hand-out-heading" className="nhsuk-u-margin-bottom-7">
      <h2 className="nhsuk-heading-m" id="hand-out-heading">
        Hand out
      </h2>
      <p className="nhsuk-body">
        A file with this assessment of {wardName} as this device has it, including every version still to be resolved. Another
        device takes it on its Hand-outs page to carry on with the assessment, or on its own Team page to merge this device’s work.
      </p>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          <div className="nhsuk-checkboxes__item">
            <input className="nhsuk-checkboxes__input" id={photosId} type="checkbox" checked={includePhotos} onChange={(e) => setIncludePhotos(e.target.checked)} />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={photosId}>
              Include photos (a larger file; without them, new photos wait for a file that has them)
            </label>
          </div>
        </div>
      </div>
      <button type="button" className="nhsuk-button" disabled={busy} aria-describedby={error ? errorId : undefined} onClick={() => void start()}>
        Download hand-out file
      </button>
    </section>
  );
}

function HistoryTable({ history }: { history: Status['history'] }) {
  if (history.length === 0) return null;
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">Files written and taken here</caption>
      <TableHead columns={['When', 'What', 'File']} numericFrom={3} />
      <tbody className="nhsuk-table__body">
        {history.map((entry, index) => (
          <tr className="nhsuk-table__row" key={`${entry.at}-${index}`}>
            <td className="nhsuk-table__cell">{instantText(entry.at)}</td>
            <td className="nhsuk-table__cell">
              {entry.direction === 'exported'
                ? `Handed out by ${entry.actor}`
                : `Taken by ${entry.actor}: written on ${entry.device} by ${entry.exportedBy}, ${instantText(entry.exportedAt)}`}
            </td>
            <td className="nhsuk-table__cell app-break-anywhere">{entry.fileName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
