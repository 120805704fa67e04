import type { Output } from '../../../../../shared/contract';
import type { explainRatings } from '../../../../../shared/scoring';
import { DOMAINS } from '../../../../../shared/templates';
import { DOMAIN_LABELS, RATING_LABELS } from '../../../../../shared/vocabulary';
import { RATING_TAG } from '../labels';
import { domainFigures, RatingReasons } from '../walk/LiveScores';
import { TableHead } from '../../../components/TableHead';

type Check = Output<'assessments.signOffCheck'>;
type Score = Output<'assessments.score'>;

/** The four ratings with their reasons, score and completeness against the threshold. */
export function ResultsTable({ score, check, explained }: { score: Score; check: Check; explained: ReturnType<typeof explainRatings> }) {
  return (
    <table className="nhsuk-table nhsuk-table--compact" data-testid="sign-off-scores">
      <caption className="nhsuk-u-visually-hidden">Domain ratings, their reasons and completeness</caption>
      <TableHead columns={['Domain', 'Rating and why', 'Score', 'Answered', 'Needed']} />
      <tbody className="nhsuk-table__body">
        {DOMAINS.map((d, i) => {
          const f = domainFigures(score.scores, d);
          const progress = check.domains.find((p) => p.domain === d);
          return (
            <tr className="nhsuk-table__row" key={d} data-domain={d}>
              <th className="nhsuk-table__header" scope="row">
                {DOMAIN_LABELS[d]}
              </th>
              <td className="nhsuk-table__cell">
                <strong className={RATING_TAG[f.rating]} data-rating={f.rating}>
                  {RATING_LABELS[f.rating]}
                </strong>
                {!f.complete && <span className="nhsuk-body-s app-cell-note">Provisional: not enough answers yet</span>}
                <RatingReasons explanation={explained[i]!} idPrefix="sign-off" />
              </td>
              <td className="nhsuk-table__cell" data-percentage={f.percentage ?? ''}>
                {f.percentage !== null ? `${f.percentage}%` : `${f.points ?? 0} point${f.points === 1 ? '' : 's'}`}
              </td>
              <td className="nhsuk-table__cell">{progress ? `${progress.answered} of ${progress.applicable} (${progress.completeness ?? 100}%)` : '–'}</td>
              <td className="nhsuk-table__cell">
                {progress ? `${progress.threshold}%` : '–'} {progress && !progress.complete && <strong className="nhsuk-tag nhsuk-tag--orange app-tag-small">Below</strong>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

