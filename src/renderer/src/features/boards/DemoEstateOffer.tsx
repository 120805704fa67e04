import { useState } from 'react';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { useAnnounce } from '../../app/status';
import { ErrorSummary } from '../../components/ErrorSummary';
import { describeContents } from '../../components/counts';

/** On an empty database: a fictional board to try the app with, one button away. */
export function DemoEstateOffer({ onLoaded }: { onLoaded: () => Promise<void> }) {
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(null);

  const load = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const demo = await call('demo.seed', {});
      announce(`Demo estate loaded: NHS Loch Arden (demo), with ${describeContents(demo)}`);
      await onLoaded();
    } catch (error) {
      setFailure((previous) => ({ message: messageOf(error), attempt: (previous?.attempt ?? 0) + 1 }));
      setBusy(false);
    }
  };

  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m">Try the demo estate</h2>
        <p className="nhsuk-card__description nhsuk-u-margin-bottom-4">
          A fictional board, NHS Loch Arden, with 3 sites, 12 wards and their rooms, to see how the tool works
          before you enter your own estate.
        </p>
        <ErrorSummary
          title="The demo estate could not be loaded"
          items={failure ? [{ message: failure.message }] : []}
          focusKey={failure?.attempt ?? 0}
        />
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
          aria-disabled={busy || undefined}
          onClick={() => void load()}
        >
          {busy ? 'Loading the demo estate…' : 'Load the demo estate'}
        </button>
      </div>
    </div>
  );
}
