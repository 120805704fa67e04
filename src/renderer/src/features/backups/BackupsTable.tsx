import { NotRecorded } from '../../components/SummaryList';
import { contentsInWords, reasonLabel, size, when, type Backup } from './backup-words';
import { TableHead } from '../../components/TableHead';

/** Every backup, newest first, each with what it holds and a way to restore it. */
export function BackupsTable({ backups, onRestore }: { backups: Backup[]; onRestore: (backup: Backup) => void }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">Backups, newest first</caption>
      <TableHead columns={['Made', 'Why', 'Contains', 'Latest answer', { heading: 'Size', numeric: true }, { heading: 'Action', hidden: true }]} />
      <tbody className="nhsuk-table__body">
        {backups.map((backup) => (
          <tr className="nhsuk-table__row" key={backup.name}>
            <th className="nhsuk-table__header" scope="row">
              {when(backup.createdAt)}
            </th>
            <td className="nhsuk-table__cell">{reasonLabel(backup.reason)}</td>
            <td className="nhsuk-table__cell">{backup.contents ? contentsInWords(backup.contents) : <strong>Cannot be read</strong>}</td>
            <td className="nhsuk-table__cell">{backup.contents?.latestAnswerAt ? when(backup.contents.latestAnswerAt) : <NotRecorded />}</td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{size(backup.sizeBytes)}</td>
            <td className="nhsuk-table__cell">
              {backup.contents ? (
                <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" onClick={() => onRestore(backup)}>
                  Restore<span className="nhsuk-u-visually-hidden"> the backup made {when(backup.createdAt)}</span>
                </button>
              ) : (
                <span className="nhsuk-u-secondary-text-colour">{backup.problem}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
