import { useState } from 'react';
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
      await call('assessments.signOff', { assessmentId, signedOffBy: signerId });
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
            Signed off on {assessment.signedOffAt?.slice(0, 10)} by {assessment.signedOffBy}. The assessment is read-only. To assess the ward again,{' '}
            <a href={href.assessmentStart(ward.id)}>start the next round</a>.
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
            <p className="nhsuk-body">Every domain has enough answers and every re-check is decided. The assessment can be signed off.</p>
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
              {check.undecidedRechecks.length > 0 && (
                <p className="nhsuk-body">
                  <a href={href.assessmentRechecks(assessment.id)}>
                    {check.undecidedRechecks.length} re-check{check.undecidedRechecks.length === 1 ? '' : 's'} from the last round still to decide
                  </a>
                </p>
              )}
            </section>
          )}
          {check.riskWithoutPoint.length > 0 && (
            <div className="nhsuk-warning-callout">
              <h2 className="nhsuk-warning-callout__label">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                Risk present, but no ligature point recorded
              </h2>
              <p>Sign-off is allowed, but the ligature domain stays “not rated” until each risk has its point in the register.</p>
              <ul className="nhsuk-list">
                {check.riskWithoutPoint.map((m) => (
                  <li key={`${m.itemId}-${m.areaId ?? 'ward'}`}>
                    <a href={href.walk(assessment.id, m.areaId ?? 'ward', instanceKeyOf(m.itemId, m.areaId))}>
                      {m.itemId} in {m.areaName}
                    </a>{' '}
                    <span className="nhsuk-body-s">{m.question}</span>
                  </li>
                ))}
              </ul>
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
