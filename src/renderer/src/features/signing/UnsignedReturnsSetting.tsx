import { useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { useAnnounce } from '../../app/status';
import { RadiosField } from '../../components/RadiosField';

type Status = Output<'signing.status'>;
type Policy = Status['unsignedReturns'];

const CHOICES: { value: Policy; label: string }[] = [
  { value: 'accept_from_boards_without_key', label: 'Accept them from boards with no registered key, shown as not signed' },
  { value: 'refuse', label: 'Refuse them' },
];

/** The collator's choice about returns that carry no signature. Saved as soon as it is changed. */
export function UnsignedReturnsSetting({ status, onChanged }: { status: Status; onChanged: () => Promise<void> }) {
  const announce = useAnnounce();
  const idPrefix = useId();
  const [error, setError] = useState<string | undefined>(undefined);
  // The choice shows at once; "Saved" is said only once the store has it, and a refusal puts it back.
  const [chosen, setChosen] = useState<Policy>(status.unsignedReturns);

  const choose = async (policy: Policy) => {
    setChosen(policy);
    try {
      await call('signing.setUnsignedReturns', { policy });
      setError(undefined);
      announce(policy === 'refuse' ? 'Saved: unsigned returns are refused.' : 'Saved: unsigned returns are accepted from boards with no registered key.');
      await onChanged();
    } catch (failure) {
      setChosen(status.unsignedReturns);
      setError(messageOf(failure));
    }
  };

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="nhsuk-u-margin-bottom-7">
      <h2 className="nhsuk-heading-m" id={`${idPrefix}-heading`}>
        Unsigned returns
      </h2>
      <RadiosField
        idPrefix={`${idPrefix}-unsigned`}
        legend="When a return has no signature"
        choices={CHOICES}
        checkedValue={chosen}
        inputProps={{ name: `${idPrefix}-unsigned`, onChange: (event) => void choose(event.target.value as Policy) }}
        hint="Accept them while boards are still making their keys; refuse them once every board’s key is registered. A board with a registered key must sign either way."
        error={error}
      />
    </section>
  );
}
