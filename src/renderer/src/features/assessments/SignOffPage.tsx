import { useState } from 'react';
import { londonDateOf } from '../../../../shared/dates';
import { DOMAINS } from '../../../../shared/templates';
import { call } from '../../api/call';
import { ApiError, messageOf } from '../../api/api-error';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { href } from '../../routing/routes';
import { ASSESSOR_ROLE_LABELS } from '../../../../shared/domain/assessment-schemas';
import { AssessmentNav } from './AssessmentNav';
import { DOMAIN_LABELS, RATING_LABELS, RATING_TAG } from './labels';
import { instanceKeyOf } from './walk/model';
import { domainFigures } from './walk/ScoresPanel';

/** Sign-off: refused (with what is missing, each linked to its question) until every domain is complete enough. */
export function SignOffPage({ assessmentId }: { assessmentId: string }) {
  const { state, reload } = useLoad(async () => {
    const assessment = await call('assessments.get', { id: assessmentId });
    const [ward, check, score] = await Promise.all([
      call('wards.get', { id: assessment.wardId }),
      call('assessments.signOffCheck', { assessmentId }),
      call('assessments.score', { id: assessmentId }),
    ]);
    return { assessment, ward, check, score };
  }, [assessmentId]);
  const [signer, setSigner] = useState<string>('');
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [refusal, setRefusal] = useState<{ message: string; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);
  if (state.status === 'loading') return <LoadingState what="the sign-off" />;
  if (state.status === 'failed') return <LoadFailed what="Sign-off" error={state.error} />;
  const { assessment, ward, check, score } = state.data;
  const signed = assessment.status === 'signed_off';
  const signerId = signer || assessment.assessors[0]?.id || '';

  const signOff = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await call('assessments.signOff', { assessmentId, signedOffBy: signerId, confirmOtherControls: [...confirmed] });
      setRefusal(null);
      await reload();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields.length : 0;
      setRefusal((previous) => ({ message: `${messageOf(error)}${fields ? ` (${fields} item${fields === 1 ? '' : 's'} listed below)` : ''}`, attempt: (previous?.attempt ?? 0) + 1 }));
      await reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>{signed ? 'Signed off' : 'Sign off the assessment'}</PageHeading>
      <AssessmentNav assessment={assessment} current="sign-off" />
      <ErrorSummary title="The assessment was not signed off" items={refusal ? [{ message: refusal.message }] : []} focusKey={refusal?.attempt ?? 0} />
      {signed && (
        <div className="nhsuk-inset-text">
          <p>
            Signed off on {assessment.signedOffAt ? londonDateOf(assessment.signedOffAt) : ''} by {assessment.signedOffBy}. The assessment is read-only. To assess the ward
            again, <a href={href.assessmentStart(ward.id)}>start the next round</a>.
          </p>
          <p>
            {score.kept ? `These are the results kept when it was signed off, scored by ${score.engine}.` : `Scored by ${score.engine}.`} A signed-off assessment keeps its
            results: a later version of the scoring method never re-rates it.
          </p>
        </div>
      )}

      <h2 className="nhsuk-heading-m">Results</h2>
      <table className="nhsuk-table nhsuk-table--compact" data-testid="sign-off-scores">
        <caption className="nhsuk-u-visually-hidden">Domain ratings and completeness</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Domain</th>
            <th className="nhsuk-table__header" scope="col">Rating</th>
            <th className="nhsuk-table__header" scope="col">Score</th>
            <th className="nhsuk-table__header" scope="col">Answered</th>
            <th className="nhsuk-table__header" scope="col">Needed</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {DOMAINS.map((d) => {
            const f = domainFigures(score.scores, d);
            const progress = check.domains.find((p) => p.domain === d);
            return (
              <tr className="nhsuk-table__row" key={d} data-domain={d}>
                <th className="nhsuk-table__header" scope="row">{DOMAIN_LABELS[d]}</th>
                <td className="nhsuk-table__cell">
                  <strong className={RATING_TAG[f.rating]} data-rating={f.rating}>{RATING_LABELS[f.rating]}</strong>
                  {!f.complete && <span className="nhsuk-body-s app-cell-note">Provisional: not enough answers yet</span>}
                </td>
                <td className="nhsuk-table__cell" data-percentage={f.percentage ?? ''}>
                  {f.percentage !== null ? `${f.percentage}%` : `${f.points ?? 0} point${f.points === 1 ? '' : 's'}`}
                </td>
                <td className="nhsuk-table__cell">
                  {progress ? `${progress.answered} of ${progress.applicable} (${progress.completeness ?? 100}%)` : '–'}
                </td>
                <td className="nhsuk-table__cell">
                  {progress ? `${progress.threshold}%` : '–'} {progress && !progress.complete && <strong className="nhsuk-tag nhsuk-tag--orange app-tag-small">Below</strong>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {!signed && (
        <>
          {check.ready ? (
            <p className="nhsuk-body">
              Every domain has enough answers, every re-check is decided and every risk found has its ligature point. The assessment can be signed off
              {check.otherControlsToConfirm.length > 0 ? ' once you confirm the controls listed below' : ''}.
            </p>
          ) : (
            <section aria-labelledby="missing-heading">
              <h2 className="nhsuk-heading-m" id="missing-heading">
                What is missing
              </h2>
              <ul className="nhsuk-list nhsuk-list--bullet">
                {check.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {check.missing.length > 0 && (
                <ul className="nhsuk-list" data-testid="missing-list">
                  {check.missing.map((m) => (
                    <li key={`${m.itemId}-${m.areaId ?? 'ward'}`}>
                      <a href={href.walk(assessment.id, m.areaId ?? 'ward', instanceKeyOf(m.itemId, m.areaId))}>
                        {m.itemId} in {m.areaName}
                      </a>{' '}
                      <span className="nhsuk-body-s">({DOMAIN_LABELS[m.domain]}) {m.question}</span>
                    </li>
                  ))}
                </ul>
              )}
              <PromptList
                title="Risk present, but no ligature point recorded for it"
                testId="risk-without-point"
                assessmentId={assessment.id}
                items={check.riskWithoutPoint}
                lead="Record the point found for each, from its prompt, or change the answer if there is no risk. Until then the ligature domain is “not rated”."
              />
              <PromptList
                title="“Not applicable” without a reason"
                testId="na-without-reason"
                assessmentId={assessment.id}
                items={check.naWithoutReason}
                lead="A ligature prompt (and a weight 3 item) marked not applicable needs a reason. Until it has one, a ligature prompt counts as unanswered."
              />
              {check.pointProblems.length > 0 && (
                <>
                  <h3 className="nhsuk-heading-s">Ligature points to correct</h3>
                  <ul className="nhsuk-list" data-testid="point-problems">
                    {check.pointProblems.map((p) => (
                      <li key={`${p.pointId}-${p.message}`}>
                        <a href={href.assessmentLigature(assessment.id)}>{p.areaName}</a>: {p.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {check.undecidedRechecks.length > 0 && (
                <p className="nhsuk-body">
                  <a href={href.assessmentRechecks(assessment.id)}>
                    {check.undecidedRechecks.length} re-check{check.undecidedRechecks.length === 1 ? '' : 's'} from the last round still to decide
                  </a>
                </p>
              )}
              {check.reasons.some((r) => r.startsWith('The assessment is dated') || r.startsWith('The round')) && (
                <p className="nhsuk-body">
                  <a href={href.assessmentStart(ward.id)}>Correct the assessment’s date or round</a>
                </p>
              )}
            </section>
          )}
          {check.naPromptsInSupervisedAreas.length > 0 && (
            <section className="nhsuk-inset-text" aria-labelledby="na-supervised-heading" data-testid="na-supervised">
              <h2 className="nhsuk-heading-s" id="na-supervised-heading">
                Ligature prompts marked “not applicable” in tier 2 and 3 areas
              </h2>
              <p className="nhsuk-body-s">Patients may spend time with little or no supervision in these areas. Check each reason before signing off.</p>
              <ul className="nhsuk-list">
                {check.naPromptsInSupervisedAreas.map((m) => (
                  <li key={`${m.itemId}-${m.areaId ?? 'ward'}`}>
                    <a href={href.walk(assessment.id, m.areaId ?? 'ward', instanceKeyOf(m.itemId, m.areaId))}>
                      {m.itemId} in {m.areaName}
                    </a>
                    : {m.naReason ?? 'no reason given'}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {check.otherControlsToConfirm.length > 0 && (
            <div className="nhsuk-form-group">
              <fieldset className="nhsuk-fieldset" aria-describedby="confirm-other-hint">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                  <h2 className="nhsuk-fieldset__heading">Confirm the “other” controls high risks rest on</h2>
                </legend>
                <div className="nhsuk-hint" id="confirm-other-hint">
                  Each of these high or extreme risks relies on a control recorded as “other” and nothing else documented. As the lead signing off, confirm you have
                  checked that each control is in place and does what it says. Your confirmation is recorded and shown in the ward report.
                </div>
                <div className="nhsuk-checkboxes">
                  {check.otherControlsToConfirm.map((p) => (
                    <div className="nhsuk-checkboxes__item" key={p.pointId}>
                      <input
                        className="nhsuk-checkboxes__input"
                        id={`confirm-${p.pointId}`}
                        type="checkbox"
                        checked={confirmed.has(p.pointId)}
                        onChange={(e) => {
                          const next = new Set(confirmed);
                          if (e.target.checked) next.add(p.pointId);
                          else next.delete(p.pointId);
                          setConfirmed(next);
                        }}
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`confirm-${p.pointId}`}>
                        {p.element} in {p.areaName}: {p.controls}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
          )}
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="sign-off-by">
              Signed off by
            </label>
            <select className="nhsuk-select" id="sign-off-by" value={signerId} onChange={(e) => setSigner(e.target.value)}>
              {assessment.assessors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({ASSESSOR_ROLE_LABELS[a.role]})
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="nhsuk-button" aria-disabled={busy || undefined} onClick={() => void signOff()}>
            Sign off
          </button>
        </>
      )}
    </PageLayout>
  );
}

/** A list of prompts (each linked to its place in the walkthrough) that stand in the way of sign-off. */
function PromptList(props: {
  title: string;
  testId: string;
  assessmentId: string;
  lead: string;
  items: readonly { itemId: string; areaId: string | null; areaName: string; question: string }[];
}) {
  if (props.items.length === 0) return null;
  return (
    <>
      <h3 className="nhsuk-heading-s">{props.title}</h3>
      <p className="nhsuk-body-s">{props.lead}</p>
      <ul className="nhsuk-list" data-testid={props.testId}>
        {props.items.map((m) => (
          <li key={`${m.itemId}-${m.areaId ?? 'ward'}`}>
            <a href={href.walk(props.assessmentId, m.areaId ?? 'ward', instanceKeyOf(m.itemId, m.areaId))}>
              {m.itemId} in {m.areaName}
            </a>{' '}
            <span className="nhsuk-body-s">{m.question}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
