import type { ReactNode } from 'react';
import { TableHead } from './TableHead';

export interface FileResult {
  fileName: string;
  /** The result in a word or two, and its NHS tag colour (e.g. "nhsuk-tag--green"). */
  label: string;
  tag: string;
  detail: ReactNode;
}

/** What happened to each file taken or imported: file, result, details. */
export function FileResultsTable({ caption, results }: { caption: string; results: readonly FileResult[] }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
      <TableHead columns={['File', 'Result', 'Details']} numericFrom={3} />
      <tbody className="nhsuk-table__body">
        {results.map((row, index) => (
          <tr className="nhsuk-table__row" key={`${index}-${row.fileName}`}>
            <td className="nhsuk-table__cell app-break-anywhere">{row.fileName}</td>
            <td className="nhsuk-table__cell">
              <strong className={`nhsuk-tag ${row.tag}`}>{row.label}</strong>
            </td>
            <td className="nhsuk-table__cell app-break-anywhere">{row.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
