import type { ReactNode } from 'react';
import { ConfirmAction } from './ConfirmAction';

/**
 * The confirmation step before a removal: says what will go with the record, then removes only
 * when the user confirms. A refusal (e.g. the ward has assessments) is shown here, in full.
 */
export function ConfirmRemoval(props: { title: string; children: ReactNode; confirmLabel: string; onConfirm: () => Promise<void>; onCancel: () => void }) {
  return <ConfirmAction {...props} refusalTitle="This could not be removed" />;
}
