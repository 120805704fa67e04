import { useEffect, useRef, useState, type ReactNode } from 'react';
import { messageOf } from '../api/api-error';
import { ErrorSummary } from './ErrorSummary';

/**
 * The confirmation step before a removal: says what will go with the record, then removes only
 * when the user confirms. A refusal (e.g. the ward has assessments) is shown here, in full.
 */
export function ConfirmRemoval(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const { title, children, confirmLabel, onConfirm, onCancel } = props;
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
    <section className="nhsuk-card nhsuk-card--warning" aria-labelledby="confirm-removal-title">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" id="confirm-removal-title" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <ErrorSummary
          title="This could not be removed"
          items={refusal ? [{ message: refusal.message }] : []}
          focusKey={refusal?.attempt ?? 0}
        />
        {children}
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--warning"
            aria-disabled={busy || undefined}
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </section>
  );
}
