import { useEffect, useState } from 'react';
import type { Output } from '../../../../../shared/contract';
import { call } from '../../../api/call';
import { messageOf } from '../../../api/api-error';
import { DOMAINS } from '../../../../../shared/templates';
import { DOMAIN_LABELS, RATING_LABELS, RATING_TAG } from '../labels';

type Scores = Output<'assessments.score'>['scores'];

/** The figures a domain shows: rating, percentage (not for ligature) and completeness. */
export function domainFigures(scores: Scores, domain: (typeof DOMAINS)[number]) {
  if (domain === 'ligature') {
    const l = scores.ligature;
    return { rating: l.rating, percentage: null, completeness: l.prompts.completeness, complete: l.prompts.complete, points: l.summary.pointCount };
  }
  const d = scores[domain];
  return { rating: d.rating, percentage: d.percentage, completeness: d.completeness, complete: d.complete, points: null };
}

/**
 * The four domain ratings and completeness, from the scoring engine through assessments.score.
 * Refreshed a moment after answers stop coming in (`version` changes with every confirmed save).
 */
export function ScoresPanel({ assessmentId, version }: { assessmentId: string; version: number }) {
  const [state, setState] = useState<{ scores: Scores } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(
      () => {
        call('assessments.score', { id: assessmentId }).then(
          (result) => live && setState({ scores: result.scores }),
          (error: unknown) => live && setState({ error: messageOf(error) }),
        );
      },
      version === 0 ? 0 : 700,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [assessmentId, version]);

  return (
    <section className="app-panel" aria-labelledby="scores-heading">
      <h2 className="nhsuk-heading-s" id="scores-heading">
        Live scores
      </h2>
      {state === null && <p className="nhsuk-body-s">Scoring…</p>}
      {state && 'error' in state && <p className="nhsuk-body-s app-save-failed">The scores could not be worked out: {state.error}</p>}
      {state && 'scores' in state && (
        <dl className="app-scores" data-testid="live-scores">
          {DOMAINS.map((domain) => {
            const f = domainFigures(state.scores, domain);
            return (
              <div key={domain} className="app-score-row" data-domain={domain}>
                <dt className="nhsuk-body-s nhsuk-u-margin-bottom-0">{DOMAIN_LABELS[domain]}</dt>
                <dd className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                  <strong className={RATING_TAG[f.rating]} data-rating={f.rating}>
                    {RATING_LABELS[f.rating]}
                  </strong>{' '}
                  {f.percentage !== null && <span data-percentage={f.percentage}>{f.percentage}%</span>}
                  {f.points !== null && <span>{f.points} ligature point{f.points === 1 ? '' : 's'}</span>}
                  <span className="app-cell-note" data-completeness={f.completeness ?? ''}>
                    {f.completeness === null ? 'Nothing to answer' : `${f.completeness}% answered${f.complete ? '' : ' – incomplete, provisional'}`}
                  </span>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
