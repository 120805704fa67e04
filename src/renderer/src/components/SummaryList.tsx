import type { ReactNode } from 'react';

/** A record's details as NHS summary list rows: [label, value]. */
export function SummaryList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="nhsuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function NotRecorded() {
  return <span className="nhsuk-u-secondary-text-colour">Not recorded</span>;
}
