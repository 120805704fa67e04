import { useEffect, useRef, type MouseEvent } from 'react';

export interface SummaryItem {
  message: string;
  /** The id of the field the message is about; none for a problem with the whole form. */
  targetId?: string | undefined;
}

/**
 * "There is a problem" at the top of a form. It takes focus each time `focusKey` changes while
 * there are problems (pass the form's submit count), so a failed submit is never silent.
 */
export function ErrorSummary({ items, focusKey, title = 'There is a problem' }: { items: SummaryItem[]; focusKey: number; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const hasItems = items.length > 0;
  // Only a new submit moves focus: errors that appear while the user edits must not steal it.
  useEffect(() => {
    if (ref.current) ref.current.focus();
  }, [focusKey]);
  if (!hasItems) return null;
  return (
    <div className="nhsuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__title">{title}</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {items.map((item, index) => (
              <li key={`${item.targetId ?? 'form'}-${index}`}>
                {item.targetId ? (
                  <a href={`#${item.targetId}`} onClick={(event) => focusField(event, item.targetId as string)}>
                    {item.message}
                  </a>
                ) : (
                  item.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** A plain #fragment would change the hash route: move focus to the field instead. */
function focusField(event: MouseEvent<HTMLAnchorElement>, targetId: string) {
  event.preventDefault();
  const field = document.getElementById(targetId);
  if (!field) return;
  const group = field.closest('.nhsuk-form-group') ?? field;
  group.scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}
