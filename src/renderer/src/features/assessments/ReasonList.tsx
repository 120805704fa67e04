/** The reasons behind a rating (the gates behind a red, what is missing behind "not rated"), one per line. */
export function ReasonList({ reasons, className = '' }: { reasons: readonly string[]; className?: string }) {
  if (reasons.length === 0) return null;
  return (
    <ul className={`nhsuk-list nhsuk-list--bullet nhsuk-body-s ${className}`.trim()}>
      {reasons.map((reason, i) => (
        <li key={i}>{reason}</li>
      ))}
    </ul>
  );
}
