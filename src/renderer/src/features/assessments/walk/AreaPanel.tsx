import { memo } from 'react';
import { DOMAINS } from '../../../../../shared/templates';
import { DOMAIN_LABELS } from '../../../../../shared/vocabulary';
import { href, navigate } from '../../../routing/routes';
import type { Progress, WalkArea } from './model';
import { QuestionSlot } from './QuestionSlot';
import { AreaAssignee } from '../../team/walk-signs';
import { useWalk } from './walk-context';

/** The bar that stays in view: the place, its progress and the ward's, and the way on. */
export function WalkBar({ area, progress, onNext }: { area: WalkArea; progress: Progress; onNext: () => void }) {
  const walk = useWalk();
  const count = progress.byArea.get(area.key);
  const all = progress.total.answered === progress.total.applicable;
  const sample = area.sampleAreaId ? walk.areaName(area.sampleAreaId) : null;
  return (
    <div className="app-walk-bar">
      <h2 className="nhsuk-heading-m nhsuk-u-margin-bottom-1" id="area-heading">
        {area.name}{' '}
        <span className="app-area-count" data-testid="area-progress">
          {area.tier ? `tier ${area.tier} · ` : 'asked once for the whole ward · '}
          {sample ? `as ${sample} · ` : ''}
          {count?.answered ?? 0} of {count?.applicable ?? 0} answered
        </span>
      </h2>
      <AreaAssignee areaId={area.areaId} line />
      <div className="nhsuk-form-group app-area-jump nhsuk-u-margin-bottom-2">
        <label className="nhsuk-label" htmlFor="area-jump">
          Go to area
        </label>
        <select className="nhsuk-select" id="area-jump" value={area.key} onChange={(e) => navigate(href.walk(walk.assessment.id, e.target.value))}>
          {walk.walk.areas.map((a) => {
            const c = progress.byArea.get(a.key);
            return (
              <option key={a.key} value={a.key}>
                {a.name} ({c?.answered ?? 0} of {c?.applicable ?? 0})
              </option>
            );
          })}
        </select>
      </div>
      <div className="app-walk-bar__row">
        <ul className="app-domain-progress" data-testid="domain-progress" aria-label="Progress through the ward">
          {DOMAINS.map((d) => (
            <li key={d}>
              {DOMAIN_LABELS[d]}: {progress.byDomain[d].answered} of {progress.byDomain[d].applicable}
            </li>
          ))}
          <li>
            <strong>
              All: {progress.total.answered} of {progress.total.applicable}
            </strong>
          </li>
        </ul>
        {!walk.readOnly && !all && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" onClick={onNext}>
            Next unanswered <kbd className="app-kbd">J</kbd>
          </button>
        )}
        {!walk.readOnly && all && (
          <a href={href.assessmentSignOff(walk.assessment.id)} id="walk-sign-off-link" className="nhsuk-body-s">
            All answered: go to sign-off
          </a>
        )}
      </div>
    </div>
  );
}

/** One place's questions, domain by domain; each question renders on its own. */
export const AreaQuestions = memo(function AreaQuestions({ area }: { area: WalkArea }) {
  const walk = useWalk();
  const instances = walk.walk.byArea.get(area.key) ?? [];
  if (instances.length === 0) return <p className="nhsuk-body">No question of the pinned checklists is asked in this area.</p>;
  return (
    <>
      {DOMAINS.map((domain) => {
        const mine = instances.filter((i) => i.domain === domain);
        if (mine.length === 0) return null;
        return (
          <section key={domain} aria-labelledby={`domain-${domain}`}>
            <h2 className="nhsuk-heading-s app-domain-heading" id={`domain-${domain}`}>
              {DOMAIN_LABELS[domain]}
            </h2>
            {mine.map((instance) => (
              <QuestionSlot key={instance.key} instance={instance} />
            ))}
          </section>
        );
      })}
    </>
  );
});
