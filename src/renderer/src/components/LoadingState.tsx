import { PageLayout } from '../app/PageLayout';

/** While a page's data loads. Usually too quick to see; on a large estate it says what is happening. */
export function LoadingState({ what }: { what: string }) {
  return (
    <PageLayout>
      <p className="nhsuk-body-l" aria-busy="true">
        Loading {what}…
      </p>
    </PageLayout>
  );
}
