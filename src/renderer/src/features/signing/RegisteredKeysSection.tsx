import { useId, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { useAnnounce } from '../../app/status';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FileField } from '../../components/FileField';
import { readTextFile } from '../../components/read-text-file';
import { TableHead } from '../../components/TableHead';

type Status = Output<'signing.status'>;
type Registered = Status['registered'][number];

/** The collator's register of boards' public keys: add one from a board's file, or take one off. */
export function RegisteredKeysSection({ status, onChanged }: { status: Status; onChanged: () => Promise<void> }) {
  const announce = useAnnounce();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Registered | null>(null);

  const register = async () => {
    const file = input.current?.files?.[0];
    if (!file) {
      setError('Choose a board’s public key file (.json)');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const read = await readTextFile(file);
      if (!read.ok) throw new Error(`${file.name} ${read.problem}`);
      const key = await call('signing.registerKey', { fileName: file.name, content: read.text });
      setError(null);
      if (input.current) input.current.value = '';
      announce(`Registered ${key.boardName}’s key ${key.label}: returns it signs are accepted as theirs.`);
      await onChanged();
    } catch (failure) {
      setError(messageOf(failure));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const remove = async (key: Registered) => {
    await call('signing.removeKey', { keyId: key.keyId });
    setRemoving(null);
    announce(`Removed ${key.boardName}’s key ${key.label}: returns signed with it are refused from now on.`);
    await onChanged();
  };

  return (
    <section aria-labelledby="registered-keys-heading" className="nhsuk-u-margin-bottom-7">
      <h2 className="nhsuk-heading-m" id="registered-keys-heading">
        Boards’ keys registered here (NHS Scotland Assure)
      </h2>
      <p className="nhsuk-body">
        A return is accepted as a board’s only when it is signed by a key registered here for that board. Check with the board
        (by phone, say) that the key’s number below is the one they see before relying on it.
      </p>
      {removing && (
        <ConfirmAction
          title={`Remove ${removing.boardName}’s key ${removing.label}?`}
          confirmLabel="Remove the key"
          busyLabel="Removing…"
          refusalTitle="The key was not removed"
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p className="nhsuk-body">Returns signed with it will be refused from now on. Returns already imported stay.</p>
        </ConfirmAction>
      )}
      {status.registered.length === 0 ? (
        <p className="nhsuk-body">No board’s key is registered yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Registered keys</caption>
          <TableHead columns={['Board', 'Key', 'Registered', { heading: 'Action', hidden: true }]} />
          <tbody className="nhsuk-table__body">
            {status.registered.map((key) => (
              <tr className="nhsuk-table__row" key={key.keyId}>
                <th className="nhsuk-table__header" scope="row">{key.boardName}</th>
                <td className="nhsuk-table__cell app-key-label">{key.label}</td>
                <td className="nhsuk-table__cell">
                  {new Date(key.registeredAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })} by {key.registeredBy}
                </td>
                <td className="nhsuk-table__cell">
                  <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" onClick={() => setRemoving(key)}>
                    Remove<span className="nhsuk-u-visually-hidden"> {key.boardName}’s key {key.label}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        noValidate
        aria-label="Register a board’s key"
        onSubmit={(event) => {
          event.preventDefault();
          void register();
        }}
      >
        <FileField
          ref={input}
          id={inputId}
          label="Board’s public key file"
          hint="The file a board downloads from its Signing keys page, such as nhs-borders-public-key.json."
          error={error}
          accept=".json,application/json"
          onChange={() => setError(null)}
        />
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" aria-disabled={busy || undefined}>
          {busy ? 'Registering…' : 'Register the key'}
        </button>
      </form>
    </section>
  );
}
