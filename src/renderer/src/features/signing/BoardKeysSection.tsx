import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { useAnnounce } from '../../app/status';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorSummary } from '../../components/ErrorSummary';
import { downloadText } from '../../components/download';
import { messageOf } from '../../api/api-error';
import { TableHead } from '../../components/TableHead';

type Status = Output<'signing.status'>;
type BoardKey = Status['boards'][number];

/** Each board in this database with its signing key on this computer: make one, or send its public key. */
export function BoardKeysSection({ status, onChanged }: { status: Status; onChanged: () => Promise<void> }) {
  const announce = useAnnounce();
  const [replacing, setReplacing] = useState<BoardKey | null>(null);
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(null);

  const create = async (board: BoardKey, replace: boolean) => {
    const made = await call('signing.createKey', { boardId: board.boardId, replace });
    announce(`Made ${made.boardName}’s signing key ${made.key?.label ?? ''}. Download its public key and send it to NHS Scotland Assure.`);
    setReplacing(null);
    await onChanged();
  };
  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      setFailure((previous) => ({ message: messageOf(error), attempt: (previous?.attempt ?? 0) + 1 }));
    }
  };
  const downloadPublicKey = (board: BoardKey) =>
    act(async () => {
      const file = await call('signing.exportPublicKey', { boardId: board.boardId });
      downloadText(file.fileName, file.content, 'application/json');
      announce(`Downloaded ${file.fileName}: ${board.boardName}’s public key, to send to NHS Scotland Assure.`);
    });

  return (
    <section aria-labelledby="board-keys-heading" className="nhsuk-u-margin-bottom-7">
      <h2 className="nhsuk-heading-m" id="board-keys-heading">
        Your boards’ keys
      </h2>
      <p className="nhsuk-body">
        Every return exported from a board with a key is signed with it. The private key stays on this computer, kept in{' '}
        {status.storage} ({status.keysFolder}); only the public key is sent, and it holds nothing secret.
      </p>
      <ErrorSummary title="That did not work" items={failure ? [{ message: failure.message }] : []} focusKey={failure?.attempt ?? 0} />
      {replacing && (
        <ConfirmAction
          title={`Replace ${replacing.boardName}’s signing key?`}
          confirmLabel="Make a new key"
          busyLabel="Making a key…"
          refusalTitle="The key was not replaced"
          onConfirm={() => create(replacing, true)}
          onCancel={() => setReplacing(null)}
        >
          <p className="nhsuk-body">
            Returns signed with the new key are accepted only once NHS Scotland Assure has registered its public key. Do this when
            the old key may be lost or seen by someone else, then send the new public key.
          </p>
        </ConfirmAction>
      )}
      {status.boards.length === 0 ? (
        <p className="nhsuk-body">There are no boards in this database yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Boards and their signing keys</caption>
          <TableHead columns={['Board', 'Signing key', { heading: 'Actions', hidden: true }]} />
          <tbody className="nhsuk-table__body">
            {status.boards.map((board) => (
              <tr className="nhsuk-table__row" key={board.boardId}>
                <th className="nhsuk-table__header" scope="row">{board.boardName}</th>
                <td className="nhsuk-table__cell">
                  {board.key ? (
                    <>
                      Key <span className="app-key-label">{board.key.label}</span>, made {new Date(board.key.createdAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })}
                    </>
                  ) : board.heldElsewhere ? (
                    'Held by the desktop app: export signed returns there'
                  ) : (
                    'No key: its returns are not signed'
                  )}
                </td>
                <td className="nhsuk-table__cell">
                  <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
                    {board.key ? (
                      <>
                        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" onClick={() => void downloadPublicKey(board)}>
                          Download public key<span className="nhsuk-u-visually-hidden"> of {board.boardName}</span>
                        </button>
                        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" onClick={() => setReplacing(board)}>
                          Replace<span className="nhsuk-u-visually-hidden"> the signing key of {board.boardName}</span>
                        </button>
                      </>
                    ) : (
                      <button type="button" className="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0" onClick={() => void act(() => create(board, false))}>
                        Make a signing key<span className="nhsuk-u-visually-hidden"> for {board.boardName}</span>
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
