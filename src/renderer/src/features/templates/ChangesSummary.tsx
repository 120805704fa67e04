import type { Output } from '../../../../shared/contract';

type Diff = NonNullable<Output<'templates.diff'>>;

function list(ids: string[]): string {
  return ids.length > 0 ? ids.join(', ') : 'None';
}

/** What a version changes against another, item by item, in the order a reviewer checks it. */
export function ChangesSummary({ diff }: { diff: Diff }) {
  const rows: [string, string][] = [
    ['Items added', list(diff.added)],
    ['Items removed', list(diff.removed)],
    ['Items reworded', list(diff.reworded.map((r) => `${r.itemId} (${r.fields.join(', ')})`))],
    [
      'Items reweighted',
      list(
        diff.reweighted.map(
          (r) =>
            `${r.itemId} (weight ${r.from.weight} → ${r.to.weight}${r.from.critical !== r.to.critical ? `, ${r.to.critical ? 'now critical' : 'no longer critical'}` : ''})`,
        ),
      ),
    ],
    ['Items re-scoped', list(diff.rescoped.map((r) => `${r.itemId} (${r.fields.join(', ')})`))],
    ['Rating thresholds', diff.thresholdsChanged ? 'Changed' : 'Unchanged'],
  ];
  return (
    <>
      <dl className="nhsuk-summary-list" aria-label={`Changes from ${diff.fromVersion} to ${diff.toVersion}`}>
        {rows.map(([key, value]) => (
          <div className="nhsuk-summary-list__row" key={key}>
            <dt className="nhsuk-summary-list__key">{key}</dt>
            <dd className="nhsuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="nhsuk-body">
        {diff.comparable
          ? 'Only wording changed: scores under the two versions can be compared directly.'
          : 'Scores under the two versions are not directly comparable: items, weights, scope or thresholds changed.'}
      </p>
    </>
  );
}
