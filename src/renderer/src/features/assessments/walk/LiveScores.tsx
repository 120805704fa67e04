import { DOMAINS } from '../../../../../shared/templates';
import { explainRatings, type RatingExplanation, type WardScores } from '../../../../../shared/scoring';
import { DOMAIN_LABELS, RATING_LABELS } from '../../../../../shared/vocabulary';
import { messageOf } from '../../../api/api-error';
import { RATING_TAG } from '../labels';
import { ReasonList } from '../ReasonList';
import { useScore } from '../assessment-queries';
import { useWalk } from './walk-context';
import { ScoreConflicts } from '../../team/walk-signs';

/** The figures a domain shows: rating, percentage (not for ligature) and completeness. */
export function domainFigures(scores: WardScores, domain: (typeof DOMAINS)[number]) {
  if (domain === 'ligature') {
    const l = scores.ligature;
    return { rating: l.rating, percentage: null, completeness: l.prompts.completeness, complete: l.prompts.complete, points: l.summary.pointCount };
  }
  const d = scores[domain];
  return { rating: d.rating, percentage: d.percentage, completeness: d.completeness, complete: d.complete, points: null };
}

/** Each rating with the reason for it: the gate behind a red, what is missing behind "not rated". */
export function RatingReasons({ explanation, idPrefix }: { explanation: RatingExplanation; idPrefix: string }) {
  return (
    <div className="app-rating-reasons" id={`${idPrefix}-${explanation.domain}-reasons`} data-testid={`reasons-${explanation.domain}`}>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{explanation.summary}</p>
      <ReasonList reasons={explanation.reasons} className="nhsuk-u-margin-bottom-0" />
    </div>
  );
}

/**
 * The four domain ratings with their reasons and completeness, from the scoring engine through
 * assessments.score. Read again a moment after answers stop being saved.
 */
export function LiveScores() {
  const walk = useWalk();
  const score = useScore(walk.assessment.id);
  const explained = score.data
    ? explainRatings(score.data.scores, walk.templates, {
        area: (id) => walk.areaName(id),
        question: (itemId) => walk.questionOf(itemId),
      })
    : null;
  return (
    <section className="app-panel" aria-labelledby="scores-heading">
      <h2 className="nhsuk-heading-s" id="scores-heading">
        Live scores
      </h2>
      {score.isPending && <p className="nhsuk-body-s">Scoring…</p>}
      <ScoreConflicts />
      {score.error && <p className="nhsuk-body-s app-save-failed">The scores could not be worked out: {messageOf(score.error)}</p>}
      {score.data && explained && (
        <dl className="app-scores" data-testid="live-scores">
          {DOMAINS.map((domain, i) => {
            const f = domainFigures(score.data.scores, domain);
            return (
              <div key={domain} className="app-score-row" data-domain={domain}>
                <dt className="nhsuk-body-s nhsuk-u-margin-bottom-0">{DOMAIN_LABELS[domain]}</dt>
                <dd className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                  <strong className={RATING_TAG[f.rating]} data-rating={f.rating}>
                    {RATING_LABELS[f.rating]}
                  </strong>{' '}
                  {f.percentage !== null && <span data-percentage={f.percentage}>{f.percentage}%</span>}
                  {f.points !== null && (
                    <span>
                      {f.points} ligature point{f.points === 1 ? '' : 's'}
                    </span>
                  )}
                  <span className="app-cell-note" data-completeness={f.completeness ?? ''}>
                    {f.completeness === null ? 'Nothing to answer' : `${f.completeness}% answered${f.complete ? '' : ' – incomplete, provisional'}`}
                  </span>
                  <RatingReasons explanation={explained[i]!} idPrefix="live" />
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
