import type { Output } from '../../../../../shared/contract';
import { DOMAIN_LABELS } from '../../../../../shared/vocabulary';
import { href } from '../../../routing/routes';
import { instanceKeyOf } from '../walk/model';

type Check = Output<'assessments.signOffCheck'>;

/** What stands in the way of sign-off, each thing linked to where it is put right. */
export function Missing({ check, assessmentId, wardId }: { check: Check; assessmentId: string; wardId: string }) {
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
      <PromptList
        title="Risk present, but no ligature point recorded for it"
        testId="risk-without-point"
        assessmentId={assessmentId}
        items={check.riskWithoutPoint}
        lead="Record the point found for each, from its prompt, or change the answer if there is no risk. Until then the ligature domain is “not rated”."
      />
      <PromptList
        title="“Not applicable” without a reason"
        testId="na-without-reason"
        assessmentId={assessmentId}
        items={check.naWithoutReason}
        lead="A ligature prompt (and a weight 3 item) marked not applicable needs a reason. Until it has one, a ligature prompt counts as unanswered."
      />
      {check.pointProblems.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">Ligature points to correct</h3>
          <ul className="nhsuk-list" data-testid="point-problems">
            {check.pointProblems.map((p) => (
              <li key={`${p.pointId}-${p.message}`}>
                <a href={href.assessmentLigature(assessmentId)}>{p.areaName}</a>: {p.message}
              </li>
            ))}
          </ul>
        </>
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
      {check.reasons.some((r) => r.startsWith('The assessment is dated') || r.startsWith('The round')) && (
        <p className="nhsuk-body">
          <a href={href.assessmentStart(wardId)}>Correct the assessment’s date or round</a>
        </p>
      )}
    </section>
  );
}

/** Ligature prompts answered "not applicable" in tier 2 and 3 areas: listed for a second look, never refused. */
export function NaPromptsInSupervisedAreas({ check, assessmentId }: { check: Check; assessmentId: string }) {
  if (check.naPromptsInSupervisedAreas.length === 0) return null;
  return (
    <section className="nhsuk-inset-text" aria-labelledby="na-supervised-heading" data-testid="na-supervised">
      <h2 className="nhsuk-heading-s" id="na-supervised-heading">
        Ligature prompts marked “not applicable” in tier 2 and 3 areas
      </h2>
      <p className="nhsuk-body-s">Patients may spend time with little or no supervision in these areas. Check each reason before signing off.</p>
      <ul className="nhsuk-list">
        {check.naPromptsInSupervisedAreas.map((m) => (
          <li key={`${m.itemId}-${m.areaId ?? 'ward'}`}>
            <a href={href.walk(assessmentId, m.areaId ?? 'ward', instanceKeyOf(m.itemId, m.areaId))}>
              {m.itemId} in {m.areaName}
            </a>
            : {m.naReason ?? 'no reason given'}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A list of prompts (each linked to its place in the walkthrough) that stand in the way of sign-off. */
function PromptList(props: { title: string; testId: string; assessmentId: string; lead: string; items: readonly { itemId: string; areaId: string | null; areaName: string; question: string }[] }) {
  if (props.items.length === 0) return null;
  return (
    <>
      <h3 className="nhsuk-heading-s">{props.title}</h3>
      <p className="nhsuk-body-s">{props.lead}</p>
      <ul className="nhsuk-list" data-testid={props.testId}>
        {props.items.map((m) => (
          <li key={`${m.itemId}-${m.areaId ?? 'ward'}`}>
            <a href={href.walk(props.assessmentId, m.areaId ?? 'ward', instanceKeyOf(m.itemId, m.areaId))}>
              {m.itemId} in {m.areaName}
            </a>{' '}
            <span className="nhsuk-body-s">{m.question}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
