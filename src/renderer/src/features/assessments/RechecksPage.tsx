import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { ACTION_STATUS_LABELS, HEIGHT_BAND_LABELS, RECHECK_OUTCOME_LABELS } from '../../../../shared/vocabulary';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { href } from '../../routing/routes';
import { AssessmentNav } from './AssessmentNav';
import { refreshAssessment, useAssessmentAndWard, useRechecks } from './assessment-queries';
import { readStored } from './walk/model';

type Recheck = Output<'rechecks.list'>[number];
const OUTCOMES = (['removed', 'still_present', 'changed'] as const).map((value) => ({ value, label: RECHECK_OUTCOME_LABELS[value] }));

/** The previous round's ligature points and open actions, each re-checked: removed, still present or changed. */
export function RechecksPage({ assessmentId }: { assessmentId: string }) {
  const client = useQueryClient();
  const { assessment, ward, error } = useAssessmentAndWard(assessmentId);
  const list = useRechecks(assessmentId);
  if (error ?? list.error) return <LoadFailed what="Re-checks" error={error ?? list.error} />;
  if (!assessment || !ward || !list.data) return <LoadingState what="the re-checks" />;
  const rechecks = list.data;
  // A decision copies points and actions into this round: everything that shows them is read again.
  const reload = () => refreshAssessment(client, assessmentId, ['rechecks', 'points', 'actions', 'photos']);
  const undecided = rechecks.filter((r) => r.outcome === null).length;
  const assessorId = readStored(`mhea:assessor:${assessment.id}`) ?? assessment.assessors[0]?.id ?? '';
  const validAssessor = assessment.assessors.some((a) => a.id === assessorId) ? assessorId : (assessment.assessors[0]?.id ?? '');

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>Re-checks from the last round</PageHeading>
      <AssessmentNav assessment={assessment} current="rechecks" />
      <p className="nhsuk-body">
        {rechecks.length === 0
          ? 'Nothing to re-check: the last round had no ligature points and no open actions.'
          : `${rechecks.length} to re-check, ${undecided} still to decide. Each point keeps its history across rounds.`}
      </p>
      <ul className="nhsuk-list">
        {rechecks.map((r) => (
          <li key={r.id} className="app-panel">
            <RecheckRow recheck={r} assessorId={validAssessor} readOnly={assessment.status === 'signed_off'} assessmentId={assessment.id} onDecided={reload} />
          </li>
        ))}
      </ul>
    </PageLayout>
  );
}

function RecheckRow({ recheck, assessorId, readOnly, assessmentId, onDecided }: { recheck: Recheck; assessorId: string; readOnly: boolean; assessmentId: string; onDecided: () => Promise<void> }) {
  const [outcome, setOutcome] = useState<string>(recheck.outcome ?? '');
  const [note, setNote] = useState(recheck.note ?? '');
  const [status, setStatus] = useState<{ failed: boolean; text: string } | null>(null);
  const id = `recheck-${recheck.id}`;
  const p = recheck.previousPoint;
  const a = recheck.previousAction;

  const decide = async () => {
    if (!outcome) {
      setStatus({ failed: true, text: 'Choose removed, still present or changed' });
      return;
    }
    setStatus({ failed: false, text: 'Saving…' });
    try {
      await call('rechecks.decide', { recheckId: recheck.id, outcome: outcome as Recheck['outcome'] & string, note: note || null, assessorId });
      setStatus({ failed: false, text: 'Saved' });
      await onDecided();
    } catch (error) {
      setStatus({ failed: true, text: `Not saved: ${messageOf(error)}` });
    }
  };

  return (
    <>
      <h2 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">
        {recheck.subject === 'ligature_point' ? 'Ligature point' : 'Action'}: {recheck.summary}
      </h2>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
        {recheck.areaName ?? 'Whole ward'}
        {p && ` · ${HEIGHT_BAND_LABELS[p.heightBand]} · tier ${p.tier} · after controls ${p.likelihoodAfter} × ${p.severityAfter}`}
        {a && ` · ${a.owner}, due ${a.dueDate ?? 'no date'}, ${ACTION_STATUS_LABELS[a.status]}`}
      </p>
      {recheck.outcome && (
        <p className="nhsuk-body-s">
          <strong>Decided: {OUTCOMES.find((o) => o.value === recheck.outcome)?.label}</strong>
          {recheck.outcome === 'changed' && recheck.subject === 'ligature_point' && (
            <>
              {' '}
              — <a href={href.assessmentLigature(assessmentId)}>update the point in the ligature register</a>
            </>
          )}
          {recheck.outcome === 'changed' && recheck.subject === 'action' && (
            <>
              {' '}
              — <a href={href.assessmentActions(assessmentId)}>update the action in the action plan</a>
            </>
          )}
        </p>
      )}
      {!readOnly && (
        <>
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What did you find?</legend>
            <div className="nhsuk-radios nhsuk-radios--inline nhsuk-radios--small">
              {OUTCOMES.map((o) => (
                <div className="nhsuk-radios__item" key={o.value}>
                  <input className="nhsuk-radios__input" type="radio" id={`${id}-${o.value}`} name={`${id}-outcome`} value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${o.value}`}>
                    {o.label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="nhsuk-form-group nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-2">
            <label className="nhsuk-label" htmlFor={`${id}-note`}>
              Note (optional)
            </label>
            <input className="nhsuk-input" id={`${id}-note`} type="text" autoComplete="off" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-1" onClick={() => void decide()}>
            Save the re-check<span className="nhsuk-u-visually-hidden">: {recheck.summary}</span>
          </button>
          <p className="nhsuk-body-s app-save-status" role="status">
            {status && <span className={status.failed ? 'app-save-failed' : undefined}>{status.text}</span>}
          </p>
        </>
      )}
    </>
  );
}
