import { useTeam } from '../assessments/assessment-queries';
import { count } from '../../components/counts';
import { href } from '../../routing/routes';

/**
 * On every screen of an assessment: work merged from other devices that waits for a person (the
 * scores are provisional and sign-off waits until it is settled). Nothing when there is none.
 */
export function MergeNotice({ assessmentId }: { assessmentId: string }) {
  const team = useTeam(assessmentId).data;
  if (!team) return null;
  const waiting = team.conflicts + team.duplicates;
  if (waiting === 0) return null;
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        {count(waiting, 'item')} from other devices {waiting === 1 ? 'waits' : 'wait'} to be resolved: until then scores are provisional and sign-off waits.{' '}
        <a href={href.assessmentResolve(assessmentId)}>Resolve {waiting === 1 ? 'it' : 'them'}</a>
      </p>
    </div>
  );
}
