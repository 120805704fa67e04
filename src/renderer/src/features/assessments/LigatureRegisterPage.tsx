import { useState } from 'react';
import { scoreLigaturePoint } from '../../../../shared/scoring';
import { call } from '../../api/call';
import { useLoad } from '../../api/use-load';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { href } from '../../routing/routes';
import { AssessmentNav } from './AssessmentNav';
import { ACTION_STATUS_LABELS, CONTROL_KIND_LABELS, HEIGHT_BAND_LABELS } from './labels';
import { LigaturePointForm } from './LigaturePointForm';
import { instanceKeyOf, type StoredPoint } from './walk/model';
import { loadAssessmentTemplates } from './walk/WalkthroughPage';

/** The ward's ligature register for this assessment: every point by area, with its risk before and after controls. */
export function LigatureRegisterPage({ assessmentId }: { assessmentId: string }) {
  const { state, reload } = useLoad(async () => {
    const assessment = await call('assessments.get', { id: assessmentId });
    const [ward, points, actions, templates] = await Promise.all([
      call('wards.get', { id: assessment.wardId }),
      call('ligaturePoints.list', { assessmentId }),
      call('actions.list', { assessmentId }),
      loadAssessmentTemplates(assessment),
    ]);
    return { assessment, ward, points, actions, templates };
  }, [assessmentId]);
  const [editing, setEditing] = useState<StoredPoint | null>(null);
  if (state.status === 'loading') return <LoadingState what="the ligature register" />;
  if (state.status === 'failed') return <LoadFailed what="Ligature register" error={state.error} />;
  const { assessment, ward, points, actions, templates } = state.data;
  const readOnly = assessment.status === 'signed_off';
  // The engine's own reading of each point (tier floor, documented controls).
  const residual = (p: StoredPoint) => scoreLigaturePoint({ ...p, action: null }).residual;

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>Ligature register</PageHeading>
      <AssessmentNav assessment={assessment} current="ligature" />
      <p className="nhsuk-body">
        {points.length === 0
          ? 'No ligature points recorded. Record them in the walkthrough, from a ligature prompt answered “risk present”.'
          : `${points.length} ligature point${points.length === 1 ? '' : 's'}. The scores shown here are the engine’s: the tier floor raises a likelihood unless a documented control justifies less.`}
      </p>
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
                const r = residual(p);
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
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                          {HEIGHT_BAND_LABELS[p.heightBand]} · tier {p.tier} · before controls {p.likelihoodBefore} × {p.severityBefore} · after controls {r.likelihood} × {r.severity} = {r.score} ({r.band})
                        </p>
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{p.description}</p>
                        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                          Controls: {p.controls.length === 0 ? 'none recorded' : p.controls.map((c) => `${CONTROL_KIND_LABELS[c.kind]}${c.description ? `: ${c.description}` : ''}`).join('; ')}
                        </p>
                        {actions
                          .filter((a) => a.ligaturePointId === p.id)
                          .map((a) => (
                            <p key={a.id} className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                              {a.overdue && <strong className="nhsuk-tag nhsuk-tag--red app-tag-small">Overdue</strong>} Action: {a.description} — {a.owner}, due {a.dueDate ?? 'no date'},{' '}
                              {ACTION_STATUS_LABELS[a.status]}
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
