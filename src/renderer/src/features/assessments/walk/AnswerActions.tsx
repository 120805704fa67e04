import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ACTION_STATUS_LABELS, PRIORITY_LABELS } from '../../../../../shared/vocabulary';
import { ActionForm } from '../ActionForm';
import { refreshAssessment, useActions } from '../assessment-queries';
import type { Instance, StoredAction, StoredAnswer } from './model';
import { useWalk } from './walk-context';

/** The actions on one answer short of compliance, and the form to add or change one. */
export function AnswerActions({ cardId, instance, answer, canAdd }: { cardId: string; instance: Instance; answer: StoredAnswer; canAdd: boolean }) {
  const walk = useWalk();
  const client = useQueryClient();
  const mine = useActions(walk.assessment.id, (all) => all.filter((a) => a.answerId === answer.id)).data ?? [];
  const [open, setOpen] = useState<'new' | StoredAction | null>(null);
  if (mine.length === 0 && !canAdd) return null;
  const where = `${instance.item.id} in ${walk.areaName(instance.areaId)}`;
  const close = () => {
    setOpen(null);
    document.getElementById(cardId)?.focus();
  };
  return (
    <div className="app-subsection">
      <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">Actions for {where}</h4>
      <ul className="nhsuk-list">
        {mine.map((a) => (
          <li key={a.id}>
            {a.description} — {a.owner}, due {a.dueDate ?? 'no date'}, {PRIORITY_LABELS[a.priority]} priority, {ACTION_STATUS_LABELS[a.status]}{' '}
            {!walk.readOnly && (
              <button type="button" className="app-link-button" onClick={() => setOpen(a)}>
                Change<span className="nhsuk-u-visually-hidden"> action {a.description}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {!walk.readOnly && open === null && canAdd && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setOpen('new')}>
          Add an action<span className="nhsuk-u-visually-hidden"> for {where}</span>
        </button>
      )}
      {open !== null && (
        <ActionForm
          idPrefix={`${cardId}-action`}
          assessmentId={walk.assessment.id}
          answerId={answer.id}
          {...(open !== 'new' ? { action: open } : {})}
          onSaved={() => {
            void refreshAssessment(client, walk.assessment.id, ['actions']);
            close();
          }}
          onCancel={close}
        />
      )}
    </div>
  );
}
