import { ApiError, messageOf } from '../api/api-error';
import { PageHeading } from '../app/PageHeading';
import { PageLayout } from '../app/PageLayout';
import { href } from '../routing/routes';

/** A page whose data could not be loaded: say why and where to go next. */
export function LoadFailed({ what, error }: { what: string; error: unknown }) {
  const notFound = error instanceof ApiError && error.code === 'NOT_FOUND';
  return (
    <PageLayout>
      <PageHeading>{notFound ? `${what} not found` : `Sorry, the ${what.toLowerCase()} could not be shown`}</PageHeading>
      <p className="nhsuk-body">{messageOf(error)}</p>
      <p className="nhsuk-body">
        <a href={href.boards()}>Go to the list of boards</a>
      </p>
    </PageLayout>
  );
}
