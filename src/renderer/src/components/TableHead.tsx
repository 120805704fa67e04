import { classNames } from './class-names';

/**
 * A column heading: its text, or the text with whether the column holds numbers (right-aligned)
 * and whether the heading is for screen readers only (a column of buttons or links).
 */
export type Column = string | { heading: string; numeric?: boolean; hidden?: boolean };

/**
 * A table's column headings. Columns are numeric when marked so or, with `numericFrom`, from that
 * position on; `false` leaves a column out (one shown only sometimes).
 */
export function TableHead({ columns, numericFrom = Infinity }: { columns: readonly (Column | false)[]; numericFrom?: number }) {
  return (
    <thead className="nhsuk-table__head">
      <tr className="nhsuk-table__row">
        {columns.map((column, i) => {
          if (column === false) return null;
          const { heading, numeric = false, hidden = false } = typeof column === 'string' ? { heading: column } : column;
          return (
            <th key={heading} scope="col" className={classNames('nhsuk-table__header', (numeric || i >= numericFrom) && 'nhsuk-table__header--numeric')}>
              {hidden ? <span className="nhsuk-u-visually-hidden">{heading}</span> : heading}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
