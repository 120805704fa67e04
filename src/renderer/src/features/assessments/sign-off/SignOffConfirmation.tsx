import type { Output } from '../../../../../shared/contract';
import type { explainRatings } from '../../../../../shared/scoring';
import { ACTION_STATUS_LABELS, DOMAIN_LABELS, RATING_LABELS } from '../../../../../shared/vocabulary';
import { RATING_TAG } from '../labels';
import { ReasonList } from '../ReasonList';

type Check = Output<'assessments.signOffCheck'>;
type Action = Output<'actions.list'>[number];

/** The lead's confirmation of each "other" control a high or extreme risk rests on (recorded at sign-off). */
export function OtherControlsToConfirm({ check, confirmed, onChange }: { check: Check; confirmed: ReadonlySet<string>; onChange: (next: ReadonlySet<string>) => void }) {
  if (check.otherControlsToConfirm.length === 0) return null;
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset" aria-describedby="confirm-other-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">Confirm the “other” controls high risks rest on</h2>
        </legend>
        <div className="nhsuk-hint" id="confirm-other-hint">
          Each of these high or extreme risks relies on a control recorded as “other” and nothing else documented. As the lead signing off, confirm you have checked
          that each control is in place and does what it says. Your confirmation is recorded and shown in the ward report.
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
                  onChange(next);
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
  );
}

/**
 * What the assessor locks, shown before they confirm: the ratings with their reasons, what the
 * lead confirms, the prompts "not applicable" in supervised areas and the open actions.
 */
export function SignOffSummary({ check, explained, confirmed, open }: { check: Check; explained: ReturnType<typeof explainRatings>; confirmed: ReadonlySet<string>; open: readonly Action[] }) {
  return (
    <div data-testid="sign-off-summary">
      <ul className="nhsuk-list">
        {explained.map((e) => (
          <li key={e.domain}>
            <strong>{DOMAIN_LABELS[e.domain]}:</strong> <span className={RATING_TAG[e.rating]}>{RATING_LABELS[e.rating]}</span> {e.summary}
            <ReasonList reasons={e.reasons} />
          </li>
        ))}
      </ul>
      {check.otherControlsToConfirm.length > 0 && (
        <>
          <p className="nhsuk-body">
            <strong>“Other” controls high risks rest on:</strong> you confirm {confirmed.size} of {check.otherControlsToConfirm.length}
            {confirmed.size < check.otherControlsToConfirm.length ? ' (sign-off waits for every one)' : ''}.
          </p>
          <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
            {check.otherControlsToConfirm.map((p) => (
              <li key={p.pointId}>
                {confirmed.has(p.pointId) ? 'Confirmed' : 'Not confirmed'}: {p.element} in {p.areaName} ({p.controls})
              </li>
            ))}
          </ul>
        </>
      )}
      {check.naPromptsInSupervisedAreas.length > 0 && (
        <p className="nhsuk-body">
          <strong>Ligature prompts “not applicable” in tier 2 and 3 areas:</strong>{' '}
          {check.naPromptsInSupervisedAreas.map((m) => `${m.itemId} in ${m.areaName} (${m.naReason ?? 'no reason given'})`).join('; ')}.
        </p>
      )}
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
    </div>
  );
}
