/** A table's column headings; from `numericFrom` on, the columns hold numbers (right-aligned). */
export function TableHead({ columns, numericFrom }: { columns: readonly string[]; numericFrom: number }) {
  return (
    <thead className="nhsuk-table__head">
      <tr className="nhsuk-table__row">
        {columns.map((heading, i) => (
          <th key={heading} scope="col" className={`nhsuk-table__header${i >= numericFrom ? ' nhsuk-table__header--numeric' : ''}`}>
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}
