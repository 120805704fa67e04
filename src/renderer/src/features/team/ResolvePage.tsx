import { useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { useAnnounce } from '../../app/status';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { count } from '../../components/counts';
import { href } from '../../routing/routes';
import { AssessmentNav } from '../assessments/AssessmentNav';
import { ConflictPanel, type Names } from './ConflictPanel';

type Duplicate = Output<'merge.conflicts'>['duplicates'][number];

/** What merging other devices' work left for a person: each conflict with every version, and areas added twice. */
export function ResolvePage({ assessmentId }: { assessmentId: string }) {
  const { state, reload } = useLoad(async () => {
    const assessment = await call('assessments.get', { id: assessmentId });
    const [ward, found] = await Promise.all([call('wards.get', { id: assessment.wardId }), call('merge.conflicts', { assessmentId })]);
    return { assessment, ward, ...found };
  }, [assessmentId]);
  if (state.status === 'loading') return <LoadingState what="what is left to resolve" />;
  if (state.status === 'failed') return <LoadFailed what="Resolve page" error={state.error} />;
  const { assessment, ward, conflicts, duplicates } = state.data;
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

/** Two areas of one name and type: different rooms get different names (the same room: rename one so the other holds the answers). */
function DuplicatePanel({ assessmentId, duplicate, onRenamed }: { assessmentId: string; duplicate: Duplicate; onRenamed: () => Promise<void> }) {
  const announce = useAnnounce();
  const areaId = useId();
  const nameId = useId();
  const [chosen, setChosen] = useState(duplicate.areas.at(-1)!.areaId);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function rename() {
    try {
      await call('merge.renameArea', { assessmentId, areaId: chosen, name });
      setError(null);
      announce(`Renamed to ${name}`);
      await onRenamed();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }
  return (
    <div className="app-panel">
      <h3 className="nhsuk-heading-s">{duplicate.name}</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {duplicate.areas.map((area, index) => (
          <li key={area.areaId}>
            {duplicate.name} ({index + 1}): {count(area.answers, 'answer')}, {count(area.ligaturePoints, 'ligature point')}
          </li>
        ))}
      </ul>
      <p className="nhsuk-body">If these are different rooms, give one its own name.</p>
      <form
        noValidate
        aria-label={`Rename one ${duplicate.name}`}
        className="app-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void rename();
        }}
      >
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={areaId}>
            Area to rename
          </label>
          <select className="nhsuk-select" id={areaId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {duplicate.areas.map((area, index) => (
              <option key={area.areaId} value={area.areaId}>
                {duplicate.name} ({index + 1})
              </option>
            ))}
          </select>
        </div>
        <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={nameId}>
            New name
          </label>
          {error && <ErrorMessage id={`${nameId}-error`}>{error}</ErrorMessage>}
          <input className="nhsuk-input" id={nameId} value={name} onChange={(e) => setName(e.target.value)} aria-describedby={error ? `${nameId}-error` : undefined} />
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Rename
        </button>
      </form>
    </div>
  );
}
