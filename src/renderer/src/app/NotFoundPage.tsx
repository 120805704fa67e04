import { href } from '../routing/routes';
import { PageHeading } from './PageHeading';
import { PageLayout } from './PageLayout';

export function NotFoundPage() {
  return (
    <PageLayout>
      <PageHeading>Page not found</PageHeading>
      <p className="nhsuk-body">This address does not match a page of the app.</p>
      <p className="nhsuk-body">
        <a href={href.boards()}>Go to the list of boards</a>
      </p>
    </PageLayout>
  );
}
