import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { scoreLigaturePoint } from '../../../../shared/scoring';
import { ACTION_STATUS_LABELS, CONTROL_KIND_LABELS, HEIGHT_BAND_LABELS, RISK_BAND_LABELS } from '../../../../shared/vocabulary';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { href } from '../../routing/routes';
import { AssessmentNav } from './AssessmentNav';
import { refreshAssessment, useActions, useAssessmentAndWard, usePhotos, usePoints, useTemplates } from './assessment-queries';
import { LigaturePointForm } from './LigaturePointForm';
import { PhotoPanel } from './photos/PhotoPanel';
import { instanceKeyOf, readStored, type StoredPoint } from './walk/model';

/** The ward's ligature register for this assessment: every point by area, with its risk before and after controls and its photos. */
export function LigatureRegisterPage({ assessmentId }: { assessmentId: string }) {
  const client = useQueryClient();
  const { assessment, ward, error } = useAssessmentAndWard(assessmentId);
  const points = usePoints(assessmentId);
  const actions = useActions(assessmentId);
  const photos = usePhotos(assessmentId);
  const templates = useTemplates(assessment?.templates);
  const [editing, setEditing] = useState<StoredPoint | null>(null);
  const failed = error ?? points.error ?? actions.error ?? photos.error ?? templates.error;
  if (failed) return <LoadFailed what="Ligature register" error={failed} />;
  if (!assessment || !ward || !points.data || !actions.data || !photos.data || !templates.data) return <LoadingState what="the ligature register" />;
  const readOnly = assessment.status === 'signed_off';
  const remembered = readStored(`mhea:assessor:${assessment.id}`);
  const assessorId = assessment.assessors.find((a) => a.id === remembered)?.id ?? assessment.assessors[0]?.id ?? '';
  // The engine's own reading of each point (tier floor, documented controls).
  const residual = (p: StoredPoint) => scoreLigaturePoint({ ...p, action: null }).residual;
  const all = points.data;
  const prompts = templates.data.ligature.items;

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>Ligature register</PageHeading>
      <AssessmentNav assessment={assessment} current="ligature" />
      <p className="nhsuk-body">
        {all.length === 0
          ? 'No ligature points recorded. Record them in the walkthrough, from a ligature prompt answered “risk present”.'
          : `${all.length} ligature point${all.length === 1 ? '' : 's'}. The scores shown here are the engine’s: the tier floor raises a likelihood unless a documented control justifies less.`}
      </p>
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
                const r = residual(p);
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
                            Copied from {source ? (assessment.areas.find((a) => a.areaId === source.areaId)?.name ?? 'a sample room') : 'a sample room'}
                            {p.copyConfirmedAt ? `; confirmed in ${area.name} on ${p.copyConfirmedAt.slice(0, 10)}` : `; not yet confirmed in ${area.name}`}.
                          </p>
                        )}
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                          {HEIGHT_BAND_LABELS[p.heightBand]} · tier {p.tier} · before controls {p.likelihoodBefore} × {p.severityBefore} · after controls {r.likelihood} × {r.severity} = {r.score} ({RISK_BAND_LABELS[r.band]})
                        </p>
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{p.description}</p>
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                          Controls: {p.controls.length === 0 ? 'none recorded' : p.controls.map((c) => `${CONTROL_KIND_LABELS[c.kind]}${c.description ? `: ${c.description}` : ''}`).join('; ')}
                        </p>
                        {actions.data
                          .filter((a) => a.ligaturePointId === p.id)
                          .map((a) => (
                            <p key={a.id} className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                              {a.overdue && <strong className="nhsuk-tag nhsuk-tag--red app-tag-small">Overdue</strong>} Action: {a.description} — {a.owner}, due {a.dueDate ?? 'no date'},{' '}
                              {ACTION_STATUS_LABELS[a.status]}
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
