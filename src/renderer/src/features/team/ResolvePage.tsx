import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { useAnnounce } from '../../app/status';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { count } from '../../components/counts';
import { href } from '../../routing/routes';
import { AssessmentNav } from '../assessments/AssessmentNav';
import { forgetAssessment, useAssessmentAndWard, useConflicts } from '../assessments/assessment-queries';
import { ConflictPanel, type Names } from './ConflictPanel';

type Duplicate = Output<'merge.conflicts'>['duplicates'][number];

/** What merging other devices' work left for a person: each conflict with every version, and areas added twice. */
export function ResolvePage({ assessmentId }: { assessmentId: string }) {
  const client = useQueryClient();
  const { assessment, ward, error } = useAssessmentAndWard(assessmentId);
  const found = useConflicts(assessmentId);
  // A choice changes the records, the scores and what is left: the assessment's screens read it again.
  const reload = () => forgetAssessment(client, assessmentId);
  if (error ?? found.error) return <LoadFailed what="Resolve page" error={error ?? found.error} />;
  if (!assessment || !ward || !found.data) return <LoadingState what="what is left to resolve" />;
  const { conflicts, duplicates } = found.data;
  const names: Names = {
    areas: new Map(assessment.areas.map((a) => [a.areaId, a.name])),
    assessors: new Map(assessment.assessors.map((a) => [a.id, a.name])),
  };
  const nothing = conflicts.length === 0 && duplicates.length === 0;

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>Resolve work from several devices</PageHeading>
      <AssessmentNav assessment={assessment} current="resolve" />
      {nothing ? (
        <p className="nhsuk-body">
          Nothing to resolve: all work brought back from other devices has been merged. <a href={href.assessmentTeam(assessment.id)}>Team and hand-outs</a>
        </p>
      ) : (
        <p className="nhsuk-body">
          {[conflicts.length > 0 ? count(conflicts.length, 'record') + ' in conflict' : '', duplicates.length > 0 ? count(duplicates.length, 'pair') + ' of areas that look added twice' : ''].filter(Boolean).join(' and ')}
          . Choose what stands for each. Until every one is settled the live scores are provisional (each conflict counts at its worse version) and the
          assessment cannot be signed off. What you choose travels to the other devices with the next file from here.
        </p>
      )}
      {conflicts.map((conflict) => (
        <ConflictPanel key={`${conflict.kind}:${conflict.id}`} assessmentId={assessment.id} conflict={conflict} names={names} onResolved={reload} />
      ))}
      {duplicates.length > 0 && (
        <section aria-labelledby="duplicates-heading">
          <h2 className="nhsuk-heading-m" id="duplicates-heading">
            Areas added on two devices under one name
          </h2>
          {duplicates.map((duplicate) => (
            <DuplicatePanel key={`${duplicate.type}:${duplicate.name}`} assessmentId={assessment.id} duplicate={duplicate} onRenamed={reload} />
          ))}
        </section>
      )}
    </PageLayout>
  );
}

/** Two areas of one name and type: different rooms get their own names; the same room recorded twice is merged into one. */
function DuplicatePanel({ assessmentId, duplicate, onRenamed }: { assessmentId: string; duplicate: Duplicate; onRenamed: () => Promise<void> }) {
  const announce = useAnnounce();
  const areaId = useId();
  const nameId = useId();
  const [chosen, setChosen] = useState(duplicate.areas.at(-1)!.areaId);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const label = (id: string) => `${duplicate.name} (${duplicate.areas.findIndex((a) => a.areaId === id) + 1})`;
  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      setError(null);
      announce(done);
      await onRenamed();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }
  const other = duplicate.areas.find((a) => a.areaId !== chosen)!.areaId;
  return (
    <div className="app-panel">
      <h3 className="nhsuk-heading-s">{duplicate.name}</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {duplicate.areas.map((area) => (
          <li key={area.areaId}>
            {label(area.areaId)}
            {area.device && `, from ${area.device}`}: {count(area.answers, 'answer')}, {count(area.ligaturePoints, 'ligature point')}
          </li>
        ))}
      </ul>
      {error && <ErrorMessage id={`${nameId}-error`}>{error}</ErrorMessage>}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={areaId}>
          Area
        </label>
        <select className="nhsuk-select" id={areaId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {duplicate.areas.map((area) => (
            <option key={area.areaId} value={area.areaId}>
              {label(area.areaId)}
            </option>
          ))}
        </select>
      </div>
      <p className="nhsuk-body">If they are different rooms, give this one its own name.</p>
      <form
        noValidate
        aria-label={`Rename one ${duplicate.name}`}
        className="app-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => call('merge.renameArea', { assessmentId, areaId: chosen, name }), `Renamed to ${name}`);
        }}
      >
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={nameId}>
            New name
          </label>
          <input className="nhsuk-input" id={nameId} value={name} onChange={(e) => setName(e.target.value)} aria-describedby={error ? `${nameId}-error` : undefined} />
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Rename
        </button>
      </form>
      <p className="nhsuk-body">
        If they are the same room, merge this one into {label(other)}: its answers, ligature points, actions and photos move there; where both answered a question differently, both answers wait here as a conflict.
      </p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() => void run(() => call('merge.combineAreas', { assessmentId, keepAreaId: other, removeAreaId: chosen }), `${label(chosen)} merged into ${label(other)}`)}
      >
        Merge into {label(other)}
      </button>
    </div>
  );
}
