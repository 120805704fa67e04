import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { ASSESSOR_ROLE_LABELS } from '../../../../shared/domain/assessment-schemas';
import { explainRatings } from '../../../../shared/scoring';
import { DOMAINS } from '../../../../shared/templates';
import { ACTION_STATUS_LABELS, DOMAIN_LABELS, RATING_LABELS } from '../../../../shared/vocabulary';
import { ApiError, messageOf } from '../../api/api-error';
import { call } from '../../api/call';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { href } from '../../routing/routes';
import { ReportDownload } from '../reports/ReportDownload';
import { AssessmentNav } from './AssessmentNav';
import { assessmentKeys, useActions, useAssessmentAndWard, useScore, useSignOffCheck, useTemplates } from './assessment-queries';
import { RATING_TAG } from './labels';
import { domainFigures, RatingReasons } from './walk/LiveScores';
import { instanceKeyOf, WARD_NAME } from './walk/model';

type Check = Output<'assessments.signOffCheck'>;
type Score = Output<'assessments.score'>;

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
  const reload = () => Promise.all([assessmentKeys.assessment, assessmentKeys.signOffCheck, assessmentKeys.score].map((key) => client.invalidateQueries({ queryKey: key(assessmentId) })));

  const signOff = async () => {
    try {
      await call('assessments.signOff', { assessmentId, signedOffBy: signerId });
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

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>{signed ? 'Signed off' : 'Sign off the assessment'}</PageHeading>
      <AssessmentNav assessment={assessment} current="sign-off" />
      <ErrorSummary title="The assessment was not signed off" items={refusal ? [{ message: refusal.message }] : []} focusKey={refusal?.attempt ?? 0} />
      {signed && (
        <>
          <div className="nhsuk-inset-text">
            <p>
              Signed off on {assessment.signedOffAt?.slice(0, 10)} by {assessment.signedOffBy}. The assessment is read-only. To assess the ward again,{' '}
              <a href={href.assessmentStart(ward.id)}>start the next round</a>.
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
          {check.data.ready ? <p className="nhsuk-body">Every domain has enough answers and nothing is waiting to be checked. The assessment can be signed off.</p> : <Missing check={check.data} assessmentId={assessment.id} />}
          {check.data.riskWithoutPoint.length > 0 && (
            <div className="nhsuk-warning-callout">
              <h2 className="nhsuk-warning-callout__label">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                Risk present, but no ligature point recorded
              </h2>
              <p>Sign-off is allowed, but the ligature domain stays “not rated” until each risk has its point in the register.</p>
              <ul className="nhsuk-list">
                {check.data.riskWithoutPoint.map((m) => (
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
          {!confirming && (
            <button
              type="button"
              className="nhsuk-button"
              onClick={() => {
                // Not ready: say why at once (the store refuses, listing what is missing).
                if (check.data.ready) setConfirming(true);
                else void signOff();
              }}
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
              <ul className="nhsuk-list" data-testid="sign-off-summary">
                {explained.map((e) => (
                  <li key={e.domain}>
                    <strong>{DOMAIN_LABELS[e.domain]}:</strong> <span className={RATING_TAG[e.rating]}>{RATING_LABELS[e.rating]}</span> {e.summary}
                    {e.reasons.length > 0 && (
                      <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
                        {e.reasons.map((r, i) => (
                          <li key={i}>{r}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
              <p className="nhsuk-body">
                <strong>
                  {open.length} open action{open.length === 1 ? '' : 's'}
                </strong>
                {open.length > 0 && `, ${open.filter((a) => a.overdue).length} overdue:`}
              </p>
              {open.length > 0 && (
                <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
                  {open.slice(0, 10).map((a) => (
                    <li key={a.id}>
                      {a.description} ({a.about.areaName}) — {a.owner}, {a.dueDate ?? 'no date'}, {ACTION_STATUS_LABELS[a.status]}
                    </li>
                  ))}
                  {open.length > 10 && <li>and {open.length - 10} more on the action plan</li>}
                </ul>
              )}
            </ConfirmAction>
          )}
        </>
      )}
    </PageLayout>
  );
}

function ResultsTable({ score, check, explained }: { score: Score; check: Check; explained: ReturnType<typeof explainRatings> }) {
  return (
    <table className="nhsuk-table nhsuk-table--compact" data-testid="sign-off-scores">
      <caption className="nhsuk-u-visually-hidden">Domain ratings, their reasons and completeness</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">
            Domain
          </th>
          <th className="nhsuk-table__header" scope="col">
            Rating and why
          </th>
          <th className="nhsuk-table__header" scope="col">
            Score
          </th>
          <th className="nhsuk-table__header" scope="col">
            Answered
          </th>
          <th className="nhsuk-table__header" scope="col">
            Needed
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {DOMAINS.map((d, i) => {
          const f = domainFigures(score.scores, d);
          const progress = check.domains.find((p) => p.domain === d);
          return (
            <tr className="nhsuk-table__row" key={d} data-domain={d}>
              <th className="nhsuk-table__header" scope="row">
                {DOMAIN_LABELS[d]}
              </th>
              <td className="nhsuk-table__cell">
                <strong className={RATING_TAG[f.rating]} data-rating={f.rating}>
                  {RATING_LABELS[f.rating]}
                </strong>
                {!f.complete && <span className="nhsuk-body-s app-cell-note">Provisional: not enough answers yet</span>}
                <RatingReasons explanation={explained[i]!} idPrefix="sign-off" />
              </td>
              <td className="nhsuk-table__cell" data-percentage={f.percentage ?? ''}>
                {f.percentage !== null ? `${f.percentage}%` : `${f.points ?? 0} point${f.points === 1 ? '' : 's'}`}
              </td>
              <td className="nhsuk-table__cell">{progress ? `${progress.answered} of ${progress.applicable} (${progress.completeness ?? 100}%)` : '–'}</td>
              <td className="nhsuk-table__cell">
                {progress ? `${progress.threshold}%` : '–'} {progress && !progress.complete && <strong className="nhsuk-tag nhsuk-tag--orange app-tag-small">Below</strong>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Missing({ check, assessmentId }: { check: Check; assessmentId: string }) {
  return (
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
              <a href={href.walk(assessmentId, m.areaId ?? 'ward', instanceKeyOf(m.itemId, m.areaId))}>
                {m.itemId} in {m.areaName}
              </a>{' '}
              <span className="nhsuk-body-s">
                ({DOMAIN_LABELS[m.domain]}) {m.question}
              </span>
            </li>
          ))}
        </ul>
      )}
      {check.pointsToConfirm.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">Copied ligature points to confirm in their own rooms</h3>
          <ul className="nhsuk-list" data-testid="points-to-confirm">
            {check.pointsToConfirm.map((p) => (
              <li key={p.id}>
                <a href={href.walk(assessmentId, p.areaId)}>
                  {p.element} in {p.areaName}
                </a>{' '}
                <span className="nhsuk-body-s">(copied from {p.sourceAreaName})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {check.undecidedRechecks.length > 0 && (
        <p className="nhsuk-body">
          <a href={href.assessmentRechecks(assessmentId)}>
            {check.undecidedRechecks.length} re-check{check.undecidedRechecks.length === 1 ? '' : 's'} from the last round still to decide
          </a>
        </p>
      )}
    </section>
  );
}
