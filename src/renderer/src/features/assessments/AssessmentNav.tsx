import { href } from '../../routing/routes';
import { MergeNotice } from '../team/MergeNotice';
import type { Assessment } from './walk/model';

type Screen = 'walk' | 'actions' | 'ligature' | 'sign-off' | 'rechecks' | 'team' | 'resolve';

/** Links between an assessment's screens. */
export function AssessmentNav({ assessment, current }: { assessment: Assessment; current: Screen }) {
  const links: [Screen, string, string][] = [
    ['walk', 'Walkthrough', href.walk(assessment.id)],
    ...(assessment.previousAssessmentId ? ([['rechecks', 'Re-checks from last round', href.assessmentRechecks(assessment.id)]] as [Screen, string, string][]) : []),
    ['ligature', 'Ligature register', href.assessmentLigature(assessment.id)],
    ['actions', 'Action plan', href.assessmentActions(assessment.id)],
    ['sign-off', assessment.status === 'signed_off' ? 'Signed off' : 'Sign off', href.assessmentSignOff(assessment.id)],
    ['team', 'Team and hand-outs', href.assessmentTeam(assessment.id)],
  ];
  return (
    <>
      <nav className="app-subnav" aria-label="This assessment">
        <ul className="app-subnav__list">
          {links.map(([screen, label, to]) => (
            <li key={screen} className="app-subnav__item">
              <a href={to} aria-current={screen === current ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {current !== 'resolve' && current !== 'team' && <MergeNotice assessmentId={assessment.id} />}
    </>
  );
}
