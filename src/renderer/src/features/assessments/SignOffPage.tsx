import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { londonDateOf } from '../../../../shared/dates';
import { explainRatings } from '../../../../shared/scoring';
import { signOffRefusal } from '../../../../shared/walk/sign-off';
import { ApiError, messageOf } from '../../api/api-error';
import { call } from '../../api/call';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { SelectField } from '../../components/SelectField';
import { href } from '../../routing/routes';
import { ReportDownload } from '../reports/ReportDownload';
import { AssessmentNav } from './AssessmentNav';
import { assessorChoices } from './labels';
import { assessmentKeys, useActions, useAssessmentAndWard, useScore, useSignOffCheck, useTemplates } from './assessment-queries';
import { OtherControlsToConfirm, SignOffSummary } from './sign-off/SignOffConfirmation';
import { Missing, NaPromptsInSupervisedAreas } from './sign-off/SignOffMissing';
import { ResultsTable } from './sign-off/SignOffResults';
import { WARD_NAME } from './walk/model';

/**
 * Sign-off: refused (with what is missing, each linked to its question) until every domain is
 * complete enough; when ready, the assessor confirms a summary of what they lock (the ratings with
 * their reasons and the open actions) before it is signed. A signed-off assessment offers its report.
 */
export function SignOffPage({ assessmentId }: { assessmentId: string }) {
  const client = useQueryClient();
  const { assessment, ward, error } = useAssessmentAndWard(assessmentId);
  const check = useSignOffCheck(assessmentId);
  const score = useScore(assessmentId);
  const actions = useActions(assessmentId);
  const templates = useTemplates(assessment?.templates);
  const [signer, setSigner] = useState<string>('');
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; attempt: number } | null>(null);
  const failed = error ?? check.error ?? score.error ?? actions.error ?? templates.error;
  if (failed) return <LoadFailed what="Sign-off" error={failed} />;
  if (!assessment || !ward || !check.data || !score.data || !actions.data || !templates.data) return <LoadingState what="the sign-off" />;
  const signed = assessment.status === 'signed_off';
  const signerId = signer || assessment.assessors[0]?.id || '';
  const names = new Map<string | null, string>([[null, WARD_NAME], ...assessment.areas.map((a) => [a.areaId, a.name] as const)]);
  const questions = new Map(Object.values(templates.data).flatMap((t) => t.items.map((i) => [i.id, i.question] as const)));
  const explained = explainRatings(score.data.scores, templates.data, { area: (id) => names.get(id) ?? 'an area', question: (id) => questions.get(id) });
  const open = actions.data.filter((a) => a.status !== 'complete');
  // Signing off changes more than the record: the lead's confirmations are kept on the points.
  const reload = () => client.invalidateQueries({ queryKey: assessmentKeys.all(assessmentId) });

  const signOff = async () => {
    try {
      await call('assessments.signOff', { assessmentId, signedOffBy: signerId, confirmOtherControls: [...confirmed] });
      setRefusal(null);
      setConfirming(false);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields.length : 0;
      setRefusal((previous) => ({ message: `${messageOf(error)}${fields ? ` (${fields} item${fields === 1 ? '' : 's'} listed below)` : ''}`, attempt: (previous?.attempt ?? 0) + 1 }));
      setConfirming(false);
    } finally {
      await reload();
    }
  };

  // Signing off always passes through the confirmation. The check shown may be older than the
  // last change (an answer given in another tab, a merge), so the store is asked again first:
  // ready now, the confirmation opens; still not ready, the page says why and signs nothing.
  const startSigningOff = async () => {
    const fresh = await check.refetch();
    if (fresh.data?.ready) {
      setRefusal(null);
      setConfirming(true);
    } else {
      const unconfirmed = fresh.data?.otherControlsToConfirm.filter((p) => !confirmed.has(p.pointId)).length ?? 0;
      const message = fresh.data ? signOffRefusal(fresh.data.reasons, unconfirmed) : messageOf(fresh.error);
      setRefusal((previous) => ({ message, attempt: (previous?.attempt ?? 0) + 1 }));
    }
  };

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>{signed ? 'Signed off' : 'Sign off the assessment'}</PageHeading>
      <AssessmentNav assessment={assessment} current="sign-off" />
      <ErrorSummary title="The assessment was not signed off" items={refusal ? [{ message: refusal.message }] : []} focusKey={refusal?.attempt ?? 0} />
      {signed && (
        <>
          <div className="nhsuk-inset-text">
            <p>
              Signed off on {assessment.signedOffAt ? londonDateOf(assessment.signedOffAt) : ''} by {assessment.signedOffBy}. The assessment is read-only. To assess the ward
              again, <a href={href.assessmentStart(ward.id)}>start the next round</a>.
            </p>
            <p>
              {score.data.kept ? `These are the results kept when it was signed off, scored by ${score.data.engine}.` : `Scored by ${score.data.engine}.`} A signed-off
              assessment keeps its results: a later version of the scoring method never re-rates it.
            </p>
          </div>
          <ReportDownload
            what="ward report"
            description="This assessment as signed off: the four ratings with completeness, every item that falls short with notes and photos, the ligature register and the action plan."
            choices={[{ value: assessment.id, label: `${assessment.round}, assessed ${assessment.assessedOn}` }]}
            choiceLabel="Assessment"
            emptyMessage="There is no report to download."
            generate={(id) => call('reports.ward', { assessmentId: id })}
          />
        </>
      )}

      <h2 className="nhsuk-heading-m">Results</h2>
      <ResultsTable score={score.data} check={check.data} explained={explained} />

      {!signed && (
        <>
          {check.data.ready ? (
            <p className="nhsuk-body">
              Every domain has enough answers, every re-check is decided, every risk found has its ligature point and every copied point is confirmed. The assessment can be
              signed off{check.data.otherControlsToConfirm.length > 0 ? ' once you confirm the controls listed below' : ''}.
            </p>
          ) : (
            <Missing check={check.data} assessmentId={assessment.id} wardId={ward.id} />
          )}
          <NaPromptsInSupervisedAreas check={check.data} assessmentId={assessment.id} />
          <OtherControlsToConfirm check={check.data} confirmed={confirmed} onChange={setConfirmed} />
          <SelectField id="sign-off-by" label="Signed off by" choices={assessorChoices(assessment.assessors)} value={signerId} onChange={(e) => setSigner(e.target.value)} />
          {!confirming && (
            <button
              type="button"
              className="nhsuk-button"
              onClick={() => void startSigningOff()}
            >
              Sign off
            </button>
          )}
          {confirming && (
            <ConfirmAction
              tone="confirm"
              title="Sign off and lock this assessment?"
              confirmLabel={`Confirm and sign off as ${assessment.assessors.find((a) => a.id === signerId)?.name ?? 'the assessor'}`}
              busyLabel="Signing off…"
              refusalTitle="The assessment was not signed off"
              onConfirm={signOff}
              onCancel={() => setConfirming(false)}
            >
              <p className="nhsuk-body">Once signed off the assessment is read-only: its answers, ligature register and scores become the record of this round.</p>
              <SignOffSummary check={check.data} explained={explained} confirmed={confirmed} open={open} />
            </ConfirmAction>
          )}
        </>
      )}
    </PageLayout>
  );
}
