import type { Output } from '../../../../shared/contract';
import { href } from '../../routing/routes';
import { TableHead } from '../../components/TableHead';

export function BoardsTable({ boards }: { boards: Output<'boards.list'> }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">Boards</caption>
      <TableHead columns={['Board', 'Code', 'Sites', 'Wards']} numericFrom={2} />
      <tbody className="nhsuk-table__body">
        {boards.map((board) => (
          <tr className="nhsuk-table__row" key={board.id}>
            <th className="nhsuk-table__header" scope="row">
              <a href={href.board(board.id)}>{board.name}</a>
            </th>
            <td className="nhsuk-table__cell">{board.code ?? <NoCode />}</td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{board.siteCount}</td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{board.wardCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NoCode() {
  return <span className="nhsuk-u-secondary-text-colour">None</span>;
}
