import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { explainRatings } from '../../../../shared/scoring';
import { tierText } from '../../../../shared/reports/ward-report';
import { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS, CONTROL_KIND_LABELS, HEIGHT_BAND_LABELS, RATING_LABELS, RISK_BAND_LABELS } from '../../../../shared/vocabulary';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { SummaryList } from '../../components/SummaryList';
import { href } from '../../routing/routes';
import { AssessmentNav } from './AssessmentNav';
import { refreshAssessment, useActions, useAssessmentAndWard, usePhotos, usePoints, useScore, useTemplates } from './assessment-queries';
import { RATING_TAG } from './labels';
import { LigaturePointForm } from './LigaturePointForm';
import { PhotoPanel } from './photos/PhotoPanel';
import { WARD_NAME, instanceKeyOf, readStored, type StoredPoint } from './walk/model';

/**
 * The ward's ligature register for this assessment: the rating and its reason, then every point by
 * area with its risk before and after controls as the engine scores it, what is wrong with it, its
 * actions and its photos (with their captions and mark-up).
 */
export function LigatureRegisterPage({ assessmentId }: { assessmentId: string }) {
  const client = useQueryClient();
  const { assessment, ward, error } = useAssessmentAndWard(assessmentId);
  const points = usePoints(assessmentId);
  const actions = useActions(assessmentId);
  const photos = usePhotos(assessmentId);
  const score = useScore(assessmentId);
  const templates = useTemplates(assessment?.templates);
  const [editing, setEditing] = useState<StoredPoint | null>(null);
  const failed = error ?? points.error ?? actions.error ?? photos.error ?? score.error ?? templates.error;
  if (failed) return <LoadFailed what="Ligature register" error={failed} />;
  if (!assessment || !ward || !points.data || !actions.data || !photos.data || !score.data || !templates.data) return <LoadingState what="the ligature register" />;
  const readOnly = assessment.status === 'signed_off';
  const remembered = readStored(`mhea:assessor:${assessment.id}`);
  const assessorId = assessment.assessors.find((a) => a.id === remembered)?.id ?? assessment.assessors[0]?.id ?? '';
  const all = points.data;
  const prompts = templates.data.ligature.items;
  const ligature = score.data.scores.ligature;
  const names = new Map<string | null, string>([[null, WARD_NAME], ...assessment.areas.map((a) => [a.areaId, a.name] as const)]);
  const questions = new Map(Object.values(templates.data).flatMap((t) => t.items.map((i) => [i.id, i.question] as const)));
  const why = explainRatings(score.data.scores, templates.data, { area: (id) => names.get(id) ?? 'an area', question: (id) => questions.get(id) }).find((e) => e.domain === 'ligature')!;
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
        {all.length === 0
          ? 'No ligature points recorded. Record them in the walkthrough, from a ligature prompt answered “risk present”.'
          : `${all.length} ligature point${all.length === 1 ? '' : 's'}. The scores shown here are the engine’s: the tier floor raises a likelihood unless a documented control justifies less.`}
      </p>
      {all.length > 0 && (
        <SummaryList
          rows={[
            [
              'Ligature rating',
              <span key="rating" data-testid="ligature-rating">
                <strong className={RATING_TAG[ligature.rating]} data-rating={ligature.rating}>
                  {RATING_LABELS[ligature.rating]}
                </strong>{' '}
                {why.summary}
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
        const mine = all.filter((p) => p.areaId === area.areaId);
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
                const prompt = p.itemId ? prompts.find((i) => i.id === p.itemId) : undefined;
                const source = p.copiedFromPointId ? all.find((s) => s.id === p.copiedFromPointId) : undefined;
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
                        assessorId={assessorId}
                        point={p}
                        onSaved={() => {
                          setEditing(null);
                          void refreshAssessment(client, assessment.id, ['points', 'actions']);
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    ) : (
                      <>
                        <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">
                          {p.element}
                          {p.copiedFromPointId && p.copyConfirmedAt === null && <strong className="nhsuk-tag nhsuk-tag--orange app-tag-small">To confirm</strong>}
                        </h3>
                        {p.copiedFromPointId && (
                          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                            Copied from {names.get(source?.areaId ?? null) ?? 'a sample room'}
                            {p.copyConfirmedAt ? `; confirmed in ${area.name} on ${p.copyConfirmedAt.slice(0, 10)}` : `; not yet confirmed in ${area.name}`}.
                          </p>
                        )}
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1" data-testid="point-scores">
                          {HEIGHT_BAND_LABELS[p.heightBand]} · tier {scored ? tierText(p, scored.tier, scored.tierFromArea) : p.tier}
                          {scored && (
                            <>
                              {' '}
                              · before controls {scored.inherent.likelihood} × {scored.inherent.severity} = {scored.inherent.score} ({RISK_BAND_LABELS[scored.inherent.band].toLowerCase()}) · after
                              controls {scored.residual.likelihood} × {scored.residual.severity} = {scored.residual.score} ({RISK_BAND_LABELS[scored.residual.band].toLowerCase()})
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
                        {actions.data
                          .filter((a) => a.ligaturePointId === p.id)
                          .map((a) => (
                            <p key={a.id} className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                              {a.overdue && <strong className="nhsuk-tag nhsuk-tag--red app-tag-small">Overdue</strong>} {ACTION_TYPE_LABELS[a.type]}: {a.description} — {a.owner}, due{' '}
                              {a.dueDate ?? 'no date'}, {ACTION_STATUS_LABELS[a.status]}
                            </p>
                          ))}
                        <PhotoPanel
                          idPrefix={`lr-${p.id}`}
                          assessmentId={assessment.id}
                          owner={{ ligaturePointId: p.id }}
                          assessorId={assessorId}
                          photos={photos.data.filter((photo) => photo.ligaturePointId === p.id)}
                          readOnly={readOnly}
                          label={`${p.element} in ${area.name}`}
                        />
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
