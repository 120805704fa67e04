import { get, type FieldErrors, type FieldValues, type Path } from 'react-hook-form';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';

/**
 * The error summary for a react-hook-form form: one line per field in `targets` order (linking to
 * that field's input), then any form-level error from the server.
 */
export function FormErrorSummary<T extends FieldValues>(props: {
  errors: FieldErrors<T>;
  submitCount: number;
  /** Field name → id of the input to focus when its line is chosen. */
  targets: Partial<Record<Path<T>, string>>;
}) {
  const { errors, submitCount, targets } = props;
  const items: SummaryItem[] = [];
  for (const [name, targetId] of Object.entries(targets) as [Path<T>, string][]) {
    const error: { message?: unknown } | undefined = get(errors, name);
    const message = error?.message;
    if (typeof message === 'string' && message) items.push({ message, targetId });
  }
  const formMessage: unknown = errors.root?.server?.message;
  if (typeof formMessage === 'string' && formMessage) items.push({ message: formMessage });
  return <ErrorSummary items={items} focusKey={submitCount} />;
}
