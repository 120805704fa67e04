import { useState } from 'react';
import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { href } from '../../routing/routes';
import { AssessmentNav } from './AssessmentNav';
import { RATING_BASIS_TEXT, tierText } from '../../../../shared/reports/ward-report';
import { SummaryList } from '../../components/SummaryList';
import { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS, CONTROL_KIND_LABELS, HEIGHT_BAND_LABELS, RATING_LABELS, RATING_TAG } from './labels';
import { LigaturePointForm } from './LigaturePointForm';
import { instanceKeyOf, type StoredPoint } from './walk/model';
import { loadAssessmentTemplates } from './walk/WalkthroughPage';

/** The ward's ligature register for this assessment: every point by area, with its risk before and after controls. */
export function LigatureRegisterPage({ assessmentId }: { assessmentId: string }) {
  const { state, reload } = useLoad(async () => {
    const assessment = await call('assessments.get', { id: assessmentId });
    const [ward, points, actions, templates, result] = await Promise.all([
      call('wards.get', { id: assessment.wardId }),
      call('ligaturePoints.list', { assessmentId }),
      call('actions.list', { assessmentId }),
      loadAssessmentTemplates(assessment),
      call('assessments.score', { id: assessmentId }),
    ]);
    return { assessment, ward, points, actions, templates, ligature: result.scores.ligature };
  }, [assessmentId]);
  const [editing, setEditing] = useState<StoredPoint | null>(null);
  if (state.status === 'loading') return <LoadingState what="the ligature register" />;
  if (state.status === 'failed') return <LoadFailed what="Ligature register" error={state.error} />;
  const { assessment, ward, points, actions, templates, ligature } = state.data;
  const readOnly = assessment.status === 'signed_off';
  // The engine's own reading of each point (tier floor, documented controls, the area's tier) and what it found wrong.
  const scoredPoint = new Map(ligature.points.map((p) => [p.pointId, p]));
  const summary = ligature.summary;
  const problemsOf = (pointId: string) => [
    ...ligature.gates.filter((g) => g.pointId === pointId).map((g) => g.message),
    ...ligature.issues.filter((i) => i.pointId === pointId && i.code !== 'vigilance_only_control').map((i) => i.message),
  ];

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>Ligature register</PageHeading>
      <AssessmentNav assessment={assessment} current="ligature" />
      <p className="nhsuk-body">
        {points.length === 0
          ? 'No ligature points recorded. Record them in the walkthrough, from a ligature prompt answered “risk present”.'
          : `${points.length} ligature point${points.length === 1 ? '' : 's'}. The scores shown here are the engine’s: the tier floor raises a likelihood unless a documented control justifies less.`}
      </p>
      {points.length > 0 && (
        <SummaryList
          rows={[
            [
              'Ligature rating',
              <span key="rating" data-testid="ligature-rating">
                <strong className={RATING_TAG[ligature.rating]} data-rating={ligature.rating}>
                  {RATING_LABELS[ligature.rating]}
                </strong>{' '}
                {RATING_BASIS_TEXT[ligature.ratingBasis] ?? ligature.ratingBasis}
              </span>,
            ],
            ['Residual risk by band', `low ${summary.residualByBand.low}, moderate ${summary.residualByBand.moderate}, high ${summary.residualByBand.high}, extreme ${summary.residualByBand.extreme}`],
            ['High or extreme residual points per 10 beds', `${summary.highExtremeResidualPer10Beds.toFixed(1)} (${summary.highExtremeResidual} over ${summary.bedCount} beds)`],
            ['Highest residual score', summary.highestResidualScore === null ? 'None' : String(summary.highestResidualScore)],
            ['Oldest target date of an open ligature action', summary.oldestOpenActionTargetDate ?? 'None'],
            [`Ligature actions overdue on the assessment date (${assessment.assessedOn})`, String(summary.overdueActionCount)],
            ['Points with a tier floor applied', String(summary.floorAppliedCount)],
          ]}
        />
      )}
      {assessment.areas.map((area) => {
        const mine = points.filter((p) => p.areaId === area.areaId);
        if (mine.length === 0) return null;
        return (
          <section key={area.areaId} aria-labelledby={`lr-${area.areaId}`}>
            <h2 className="nhsuk-heading-s" id={`lr-${area.areaId}`}>
              {area.name} <span className="nhsuk-u-secondary-text-colour">(tier {area.supervisionTier})</span>
            </h2>
            <ul className="nhsuk-list">
              {mine.map((p) => {
                const scored = scoredPoint.get(p.id);
                const problems = problemsOf(p.id);
                const prompt = p.itemId ? templates.ligature.items.find((i) => i.id === p.itemId) : undefined;
                return (
                  <li key={p.id} className="app-panel">
                    {editing?.id === p.id ? (
                      <LigaturePointForm
                        idPrefix={`lr-edit-${p.id}`}
                        assessmentId={assessment.id}
                        areaId={area.areaId}
                        areaName={area.name}
                        areaTier={area.supervisionTier}
                        itemId={p.itemId}
                        lookFor={prompt && 'lookFor' in prompt ? prompt.lookFor : []}
                        assessorId={p.assessorId}
                        point={p}
                        onSaved={() => {
                          setEditing(null);
                          void reload();
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    ) : (
                      <>
                        <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{p.element}</h3>
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1" data-testid="point-scores">
                          {HEIGHT_BAND_LABELS[p.heightBand]} · tier {scored ? tierText(p, scored.tier, scored.tierFromArea) : p.tier}
                          {scored && (
                            <>
                              {' '}
                              · before controls {scored.inherent.likelihood} × {scored.inherent.severity} = {scored.inherent.score} ({scored.inherent.band}) · after controls{' '}
                              {scored.residual.likelihood} × {scored.residual.severity} = {scored.residual.score} ({scored.residual.band})
                              {(scored.floorApplied.inherent || scored.floorApplied.residual) && ` · raised to the tier ${scored.tier} floor of ${scored.floor}`}
                            </>
                          )}
                        </p>
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{p.description}</p>
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                          Controls: {p.controls.length === 0 ? 'none recorded' : p.controls.map((c) => `${CONTROL_KIND_LABELS[c.kind]}${c.description ? `: ${c.description}` : ''}`).join('; ')}
                          {p.otherControlConfirmedBy && ` (“other” control confirmed by ${p.otherControlConfirmedBy} at sign-off)`}
                        </p>
                        {problems.length > 0 && (
                          <div className="nhsuk-error-message nhsuk-u-margin-bottom-1" data-testid="point-problems">
                            {problems.map((m) => (
                              <p key={m} className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                                {m}
                              </p>
                            ))}
                          </div>
                        )}
                        {actions
                          .filter((a) => a.ligaturePointId === p.id)
                          .map((a) => (
                            <p key={a.id} className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                              {a.overdue && <strong className="nhsuk-tag nhsuk-tag--red app-tag-small">Overdue</strong>} {ACTION_TYPE_LABELS[a.type]}: {a.description} — {a.owner}, due{' '}
                              {a.dueDate ?? 'no date'}, {ACTION_STATUS_LABELS[a.status]}
                            </p>
                          ))}
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                          {!readOnly && (
                            <button type="button" className="app-link-button" onClick={() => setEditing(p)}>
                              Change<span className="nhsuk-u-visually-hidden"> {p.element} in {area.name}</span>
                            </button>
                          )}
                          {p.itemId && (
                            <a className="app-link-spaced" href={href.walk(assessment.id, area.areaId, instanceKeyOf(p.itemId, area.areaId))}>
                              Go to {p.itemId} in {area.name}
                            </a>
                          )}
                        </p>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </PageLayout>
  );
}
