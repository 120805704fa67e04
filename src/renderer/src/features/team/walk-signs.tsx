import { useScore, useInConflict, useTeam } from '../assessments/assessment-queries';
import { useWalk } from '../assessments/walk/walk-context';
import { href } from '../../routing/routes';

// Signs of team working where the assessor walks: who takes an area ("you take the bedrooms"),
// a question whose answer two devices changed differently, and which records keep the live
// scores provisional. They lock no one out: anyone may answer anywhere.

/**
 * "Assigned to Rab Munro" (or "to you") beside an area in the route, or as a line under the area's
 * heading (`line`), when the team split the ward. Nothing for an area nobody was given.
 */
export function AreaAssignee({ areaId, line = false }: { areaId: string | null; line?: boolean }) {
  const walk = useWalk();
  const assignment = useTeam(walk.assessment.id, (team) => team.assignments.find((a) => a.areaId === areaId) ?? null).data;
  if (!assignment?.assessorId) return null;
  const name = assignment.assessorName ?? 'another assessor';
  const text = assignment.assessorId === walk.assessorId ? `assigned to you (${name})` : `assigned to ${name}`;
  if (line) {
    return (
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1" data-testid="area-assignee">
        This area is {text}; anyone may still answer here.
      </p>
    );
  }
  return <span className="app-area-count app-assignee">{text}</span>;
}

/** On a question whose answer or ligature points are in conflict between devices. */
export function QuestionConflict({ cardId, itemId, areaId }: { cardId: string; itemId: string; areaId: string | null }) {
  const walk = useWalk();
  const inConflict = useInConflict(walk.assessment.id, itemId, areaId);
  if (!inConflict) return null;
  return (
    <div className="nhsuk-warning-callout app-question-conflict" id={`${cardId}-conflict`}>
      <p className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>In conflict between devices
        </span>
      </p>
      <p className="nhsuk-body-s">
        Two devices recorded this differently. Until a person chooses, the live scores count the worse version and the assessment cannot be signed off.{' '}
        <a href={href.assessmentResolve(walk.assessment.id)}>Resolve it</a>
      </p>
    </div>
  );
}

/** Under the live scores: the records in conflict that keep them provisional. */
export function ScoreConflicts() {
  const walk = useWalk();
  const conflicts = useScore(walk.assessment.id).data?.conflicts ?? [];
  if (conflicts.length === 0) return null;
  return (
    <div className="app-score-conflicts" data-testid="score-conflicts">
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
        <strong className="nhsuk-tag nhsuk-tag--orange app-tag-small">Provisional</strong> {conflicts.length === 1 ? 'One record is' : `${conflicts.length} records are`} in
        conflict between devices, each counted at its worse version:
      </p>
      <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s nhsuk-u-margin-bottom-1">
        {conflicts.map((c) => (
          <li key={`${c.kind}:${c.id}`}>
            {c.label}
            {c.where ? ` (${c.where})` : ''}
          </li>
        ))}
      </ul>
      <p className="nhsuk-body-s">
        <a href={href.assessmentResolve(walk.assessment.id)}>Resolve {conflicts.length === 1 ? 'it' : 'them'}</a>
      </p>
    </div>
  );
}
