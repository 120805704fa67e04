import { ASSESSOR_ROLE_LABELS } from '../../../../../shared/domain/assessment-schemas';
import { SelectField } from '../../../components/SelectField';
import { href } from '../../../routing/routes';
import { assessorChoices } from '../labels';
import { WARD_NAME, type Assessment, type Instance, type Walk } from './model';

/** Above the walk: whether it can still change, re-checks waiting, who is answering, the keys. */
export function WalkHeader(props: { assessment: Assessment; undecidedRechecks: number; assessorId: string; onAssessor: (assessorId: string) => void }) {
  const { assessment, undecidedRechecks: undecided, assessorId } = props;
  const readOnly = assessment.status === 'signed_off';
  const assessor = assessment.assessors.find((a) => a.id === assessorId);
  if (readOnly) {
    return (
      <div className="nhsuk-inset-text">
        <p>
          Signed off on {assessment.signedOffAt?.slice(0, 10)} by {assessment.signedOffBy}. This assessment can no longer be changed.
        </p>
      </div>
    );
  }
  return (
    <>
      {undecided > 0 && (
        <div className="nhsuk-inset-text">
          <p>
            This round follows a signed-off one.{' '}
            <a href={href.assessmentRechecks(assessment.id)}>
              {undecided} re-check{undecided === 1 ? '' : 's'} from the last round to decide
            </a>
            : its ligature points and open actions, each removed, still present or changed.
          </p>
        </div>
      )}
      <div className="app-walk-header">
        <SelectField id="current-assessor" label="Answering as" choices={assessorChoices(assessment.assessors)} value={assessorId} onChange={(e) => props.onAssessor(e.target.value)} />
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-2" data-testid="answering-as">
          Each answer records who gave it: now {assessor ? `${assessor.name}, ${ASSESSOR_ROLE_LABELS[assessor.role]}` : 'nobody'}.
        </p>
        <KeyboardHelp />
      </div>
    </>
  );
}

function KeyboardHelp() {
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-2">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Keyboard shortcuts</span>
      </summary>
      <div className="nhsuk-details__text">
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
          <li>On a question: the key shown beside an answer chooses it (1, 2, 3… or Y yes, P partial, N no, X not applicable, R risk present). The next question then gets focus.</li>
          <li>J: go to the next unanswered question, in any area.</li>
          <li>Tab and Shift+Tab move between controls; arrow keys change a chosen answer.</li>
          <li>Every answer and note is saved at once. A question says “Saved” only when the store has confirmed it.</li>
        </ul>
      </div>
    </details>
  );
}

/** Answers whose latest save failed, wherever they are: never silently left behind in another area. */
export function UnsavedSummary({ assessmentId, unsaved, walk, onGo }: { assessmentId: string; unsaved: Instance[]; walk: Walk; onGo: (instance: Instance) => void }) {
  if (unsaved.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" role="alert" aria-labelledby="unsaved-heading">
      <h2 className="nhsuk-error-summary__title" id="unsaved-heading">
        {unsaved.length === 1 ? '1 answer is not saved' : `${unsaved.length} answers are not saved`}
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>Go to each one and choose “Try again”. Until then it is not in the store.</p>
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {unsaved.map((instance) => (
            <li key={instance.key}>
              <a
                href={href.walk(assessmentId, instance.areaKey, instance.key)}
                onClick={(event) => {
                  event.preventDefault();
                  onGo(instance);
                }}
              >
                {instance.item.id} in {walk.areas.find((a) => a.key === instance.areaKey)?.name ?? WARD_NAME}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
