import type { ReactNode } from 'react';
import { Breadcrumbs, type Crumb } from './Breadcrumbs';
import { StatusBanner } from './status';

/** Breadcrumbs, the main landmark and the page's status message around one screen. */
export function PageLayout({ breadcrumbs, children }: { breadcrumbs?: Crumb[]; children: ReactNode }) {
  return (
    <>
      {breadcrumbs && breadcrumbs.length > 0 && <Breadcrumbs items={breadcrumbs} />}
      <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
        <StatusBanner />
        {children}
      </main>
    </>
  );
}
