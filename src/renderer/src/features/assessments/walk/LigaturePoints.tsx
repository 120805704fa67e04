import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/api-error';
import { call } from '../../../api/call';
import type { SupervisionTier } from '../../../../../shared/domain/estate';
import { scoreLigaturePoint } from '../../../../../shared/scoring';
import { ACTION_STATUS_LABELS, HEIGHT_BAND_LABELS, RISK_BAND_LABELS } from '../../../../../shared/vocabulary';
import { refreshAssessment, useActions, usePhotos, usePoints } from '../assessment-queries';
import { LigaturePointForm } from '../LigaturePointForm';
import { PhotoPanel } from '../photos/PhotoPanel';
import { pointsOfQuestion, type Instance, type StoredPoint } from './model';
import { useWalk } from './walk-context';

/**
 * A ligature prompt's points in its area (for a ward-wide prompt: wherever on the ward), each
 * with its actions and photos; a point copied from a sample room waits here for an assessor to
 * confirm it is in this room, change it, or say it is not.
 */
export function LigaturePoints({ cardId, instance, riskPresent }: { cardId: string; instance: Instance; riskPresent: boolean }) {
  const walk = useWalk();
  const client = useQueryClient();
  const assessmentId = walk.assessment.id;
  const points = usePoints(assessmentId, (all) => pointsOfQuestion(instance, all)).data ?? [];
  const [open, setOpen] = useState<'new' | StoredPoint | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (points.length === 0 && !riskPresent && open === null) return null;
  const areaName = walk.areaName(instance.areaId);
  const area = walk.assessment.areas.find((a) => a.areaId === instance.areaId);
  const close = () => {
    setOpen(null);
    document.getElementById(cardId)?.focus();
  };
  return (
    <div className="app-subsection">
      <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">
        Ligature points for {instance.item.id} in {areaName}
      </h4>
      {problem && <p className="nhsuk-error-message">{problem}</p>}
      {points.length === 0 && riskPresent && <p className="nhsuk-body-s">None recorded yet. Record each anchor point found.</p>}
      <ul className="nhsuk-list">
        {points.map((point) =>
          open !== null && open !== 'new' && open.id === point.id ? null : (
            <PointEntry key={point.id} cardId={cardId} point={point} wardPrompt={instance.areaId === null} onChange={() => setOpen(point)} onProblem={setProblem} />
          ),
        )}
      </ul>
      {!walk.readOnly && open === null && riskPresent && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" id={`${cardId}-record-point`} onClick={() => setOpen('new')}>
          Record a ligature point<span className="nhsuk-u-visually-hidden"> for {instance.item.id} in {areaName}</span>
        </button>
      )}
      {open !== null && (
        <LigaturePointForm
          idPrefix={`${cardId}-lp`}
          assessmentId={assessmentId}
          areaId={instance.areaId}
          areaName={areaName}
          areaTier={area?.supervisionTier ?? null}
          areas={walk.assessment.areas}
          itemId={instance.item.id}
          lookFor={'lookFor' in instance.item ? instance.item.lookFor : []}
          assessorId={walk.assessorId}
          {...(open !== 'new' ? { point: open } : {})}
          onSaved={(_point, _action, actionError) => {
            void refreshAssessment(client, assessmentId, ['points', 'actions']);
            setProblem(actionError);
            close();
          }}
          onCancel={close}
        />
      )}
    </div>
  );
}

/** The residual risk as the engine scores it (tier floor, the area's tier), not as typed. */
function residualText(point: StoredPoint, areaTier: SupervisionTier | undefined): string {
  const { likelihood, severity, score, band } = scoreLigaturePoint(point, areaTier).residual;
  return `${likelihood} × ${severity} = ${score} (${RISK_BAND_LABELS[band]})`;
}

function PointEntry({ cardId, point, wardPrompt, onChange, onProblem }: { cardId: string; point: StoredPoint; wardPrompt: boolean; onChange: () => void; onProblem: (message: string | null) => void }) {
  const walk = useWalk();
  const client = useQueryClient();
  const assessmentId = walk.assessment.id;
  const actions = useActions(assessmentId, (all) => all.filter((a) => a.ligaturePointId === point.id)).data ?? [];
  const photos = usePhotos(assessmentId, (all) => all.filter((p) => p.ligaturePointId === point.id)).data ?? [];
  const decide = useMutation({
    mutationFn: (decision: 'confirm' | 'reject') => (decision === 'confirm' ? call('ligaturePoints.confirmCopy', { id: point.id, assessorId: walk.assessorId }) : call('ligaturePoints.rejectCopy', { id: point.id, assessorId: walk.assessorId })),
    onSuccess: () => {
      onProblem(null);
      return refreshAssessment(client, assessmentId, ['points', 'fills']);
    },
    onError: (error) => onProblem(`${point.element}: ${messageOf(error)}`),
  });
  const toConfirm = point.copiedFromPointId !== null && point.copyConfirmedAt === null;
  const sourceArea = usePoints(assessmentId, (all) => all.find((p) => p.id === point.copiedFromPointId)?.areaId).data;
  return (
    <li className="app-point" data-testid="ligature-point">
      <strong>{point.element}</strong>
      {wardPrompt && ` · ${walk.areaName(point.areaId)}`} · {HEIGHT_BAND_LABELS[point.heightBand]} · tier {point.tier}
      {point.tierReason && ` (below the area’s: ${point.tierReason})`} · residual {residualText(point, walk.assessment.areas.find((a) => a.areaId === point.areaId)?.supervisionTier)}
      <br />
      <span className="nhsuk-body-s">{point.description}</span>
      {actions.map((a) => (
        <span key={a.id} className="nhsuk-body-s app-cell-note">
          Action: {a.description} — {a.owner}, {a.dueDate ?? 'no date'}, {ACTION_STATUS_LABELS[a.status]}
        </span>
      ))}
      {toConfirm && (
        <div className="nhsuk-inset-text app-copied-point">
          <p className="nhsuk-body-s">
            <strong className="nhsuk-tag nhsuk-tag--orange app-tag-small">To confirm</strong> Copied from {sourceArea ? walk.areaName(sourceArea) : 'a sample room'}. It counts in the scores as it is, and sign-off waits until someone has checked it in this room.
          </p>
          {!walk.readOnly && (
            <div className="app-button-row">
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={decide.isPending} onClick={() => decide.mutate('confirm')}>
                It is here<span className="nhsuk-u-visually-hidden">: confirm {point.element} in {walk.areaName(point.areaId)}</span>
              </button>
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={decide.isPending} onClick={onChange}>
                It differs: change it<span className="nhsuk-u-visually-hidden"> ({point.element})</span>
              </button>
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={decide.isPending} onClick={() => decide.mutate('reject')}>
                Not in this room<span className="nhsuk-u-visually-hidden">: remove the copy of {point.element}</span>
              </button>
            </div>
          )}
        </div>
      )}
      {!walk.readOnly && !toConfirm && (
        <button type="button" className="app-link-button" onClick={onChange}>
          Change<span className="nhsuk-u-visually-hidden"> {point.element}</span>
        </button>
      )}
      <PhotoPanel idPrefix={`${cardId}-point-${point.id}`} assessmentId={assessmentId} owner={{ ligaturePointId: point.id }} assessorId={walk.assessorId} photos={photos} readOnly={walk.readOnly} label={`ligature point ${point.element}`} />
    </li>
  );
}
