import type { Output } from '../../../../shared/contract';
import { href } from '../../routing/routes';

export function BoardsTable({ boards }: { boards: Output<'boards.list'> }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">Boards</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">
            Board
          </th>
          <th className="nhsuk-table__header" scope="col">
            Code
          </th>
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
            Sites
          </th>
          <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
            Wards
          </th>
        </tr>
      </thead>
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
