import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { messageOf } from '../api/api-error';
import { ErrorSummary } from './ErrorSummary';

/**
 * The confirmation step before something that cannot simply be undone (a removal, a restore):
 * says what will happen, then acts only when the user confirms. Focus moves to the question. A
 * refusal is shown here, in full, under `refusalTitle`, and the user can try again or cancel.
 */
export function ConfirmAction(props: {
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  /** The confirm button's text while the action runs (else the confirm label). */
  busyLabel?: string;
  refusalTitle: string;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  /** "warning" (the default) for what cannot simply be undone; "confirm" for a step that can. */
  tone?: 'warning' | 'confirm';
}) {
  const { title, children, confirmLabel, busyLabel, refusalTitle, onConfirm, onCancel, tone = 'warning' } = props;
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; attempt: number } | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await onConfirm();
    } catch (error) {
      setRefusal((previous) => ({ message: messageOf(error), attempt: (previous?.attempt ?? 0) + 1 }));
      setBusy(false);
    }
  };

  return (
    <section className={tone === 'warning' ? 'nhsuk-card nhsuk-card--warning' : 'nhsuk-card app-confirm'} aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" id={headingId} tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <ErrorSummary title={refusalTitle} items={refusal ? [{ message: refusal.message }] : []} focusKey={refusal?.attempt ?? 0} />
        {children}
        <div className="nhsuk-button-group">
          <button type="button" className={tone === 'warning' ? 'nhsuk-button nhsuk-button--warning' : 'nhsuk-button'} aria-disabled={busy || undefined} onClick={() => void confirm()}>
            {busy && busyLabel ? busyLabel : confirmLabel}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </section>
  );
}
