import type { ReactNode } from 'react';

/** Forms sit in two thirds of the page, as in the NHS design system, so lines stay readable. */
export function FormColumn({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}
