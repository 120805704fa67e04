import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS, PRIORITY_LABELS, RISK_BAND_LABELS } from '../../../../shared/vocabulary';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadingState } from '../../components/LoadingState';
import { href } from '../../routing/routes';
import { ActionForm } from './ActionForm';
import { AssessmentNav } from './AssessmentNav';
import { refreshAssessment, useActions, useAssessmentAndWard } from './assessment-queries';
import { instanceKeyOf } from './walk/model';
import { TableHead } from '../../components/TableHead';

type Entry = Output<'actions.list'>[number];

/** Every action of the assessment, most urgent first (the store's risk order); overdue ones flagged in words. */
export function ActionPlanPage({ assessmentId }: { assessmentId: string }) {
  const client = useQueryClient();
  const { assessment, ward, error } = useAssessmentAndWard(assessmentId);
  const list = useActions(assessmentId);
  const [editing, setEditing] = useState<Entry | null>(null);
  if (error ?? list.error) return <LoadFailed what="Action plan" error={error ?? list.error} />;
  if (!assessment || !ward || !list.data) return <LoadingState what="the action plan" />;
  const actions = list.data;
  const readOnly = assessment.status === 'signed_off';
  const overdue = actions.filter((a) => a.overdue).length;

  return (
    <PageLayout breadcrumbs={[{ href: href.boards(), label: 'Estate register' }, { href: href.ward(ward.id), label: ward.name }]}>
      <PageHeading caption={`${ward.name} · round ${assessment.round} · ${assessment.assessedOn}`}>Action plan</PageHeading>
      <AssessmentNav assessment={assessment} current="actions" />
      <p className="nhsuk-body">
        {actions.length === 0
          ? 'No actions yet. Add one from a “no” or “partial” answer, or with a ligature point, in the walkthrough.'
          : `${actions.length} action${actions.length === 1 ? '' : 's'}, most urgent first${overdue > 0 ? `; ${overdue} overdue` : ''}.`}
      </p>
      {editing && (
        <section className="app-panel" aria-labelledby="edit-action-heading">
          <h2 className="nhsuk-heading-s" id="edit-action-heading">
            Change the action: {editing.description}
          </h2>
          <ActionForm
            idPrefix="plan-action"
            assessmentId={assessment.id}
            action={editing}
            onSaved={() => {
              setEditing(null);
              void refreshAssessment(client, assessmentId, ['actions']);
            }}
            onCancel={() => setEditing(null)}
          />
        </section>
      )}
      {actions.length > 0 && (
        <table className="nhsuk-table nhsuk-table--compact">
          <caption className="nhsuk-u-visually-hidden">Actions, most urgent first</caption>
          <TableHead columns={['Action', 'About', 'Owner', 'Due', 'Priority and risk', 'Status', !readOnly && { heading: 'Change', hidden: true }]} />
          <tbody className="nhsuk-table__body">
            {actions.map((a) => (
              <tr className={`nhsuk-table__row${a.overdue ? ' app-row-overdue' : ''}`} key={a.id}>
                <th className="nhsuk-table__header app-break-anywhere" scope="row">
                  {a.overdue && <strong className="nhsuk-tag nhsuk-tag--red app-tag-small">Overdue</strong>} {a.description}
                  <span className="nhsuk-body-s app-cell-note">Type: {ACTION_TYPE_LABELS[a.type]}</span>
                </th>
                <td className="nhsuk-table__cell">
                  <About entry={a} assessmentId={assessment.id} />
                </td>
                <td className="nhsuk-table__cell">{a.owner}</td>
                <td className="nhsuk-table__cell nhsuk-u-nowrap">{a.overdue ? <strong>{a.dueDate ?? 'no date'} (overdue)</strong> : (a.dueDate ?? 'No date')}</td>
                <td className="nhsuk-table__cell">
                  {PRIORITY_LABELS[a.priority]}
                  {a.residualRisk && (
                    <span className="nhsuk-body-s app-cell-note">
                      Residual {a.residualRisk.score} ({RISK_BAND_LABELS[a.residualRisk.band]})
                    </span>
                  )}
                </td>
                <td className="nhsuk-table__cell">{ACTION_STATUS_LABELS[a.status]}</td>
                {!readOnly && (
                  <td className="nhsuk-table__cell">
                    <button type="button" className="app-link-button" onClick={() => setEditing(a)}>
                      Change<span className="nhsuk-u-visually-hidden"> action {a.description}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PageLayout>
  );
}

function About({ entry, assessmentId }: { entry: Entry; assessmentId: string }) {
  const about = entry.about;
  if (about.kind === 'answer') {
    return (
      <>
        <a href={href.walk(assessmentId, about.areaId ?? 'ward', instanceKeyOf(about.itemId, about.areaId))}>
          {about.itemId} in {about.areaName}
        </a>
        <span className="nhsuk-body-s app-cell-note">{about.question}</span>
      </>
    );
  }
  return (
    <>
      Ligature point: {about.element} in {about.areaName}
      <span className="nhsuk-body-s app-cell-note">{about.description}</span>
    </>
  );
}
