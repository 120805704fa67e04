import { useEffect, useRef, useState, type ReactNode } from 'react';

type Mode = 'idle' | 'change' | 'remove';

/**
 * "Rename board" / "Remove board" under a record's details. Each opens its form or confirmation in
 * place; closing it puts focus back on the button that opened it, so keyboard users stay put.
 */
export function RecordActions(props: {
  /** The record's details, hidden while its change form is open (the form shows the same things). */
  details: ReactNode;
  changeLabel: string;
  removeLabel: string;
  renderChange: (close: () => void) => ReactNode;
  renderRemove: (close: () => void) => ReactNode;
}) {
  const { details, changeLabel, removeLabel, renderChange, renderRemove } = props;
  const [mode, setMode] = useState<Mode>('idle');
  const lastMode = useRef<Mode>('idle');
  const changeButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode === 'idle' && lastMode.current !== 'idle') {
      (lastMode.current === 'change' ? changeButton : removeButton).current?.focus();
    }
    lastMode.current = mode;
  }, [mode]);

  const close = () => setMode('idle');
  if (mode === 'change') return <div className="app-actions">{renderChange(close)}</div>;
  return (
    <>
      {details}
      {mode === 'remove' ? (
        <div className="app-actions">{renderRemove(close)}</div>
      ) : (
        <div className="nhsuk-button-group app-actions">
          <button type="button" className="nhsuk-button nhsuk-button--secondary" ref={changeButton} onClick={() => setMode('change')}>
            {changeLabel}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" ref={removeButton} onClick={() => setMode('remove')}>
            {removeLabel}
          </button>
        </div>
      )}
    </>
  );
}
