import { PhotoPanel } from '../photos/PhotoPanel';
import { usePhotos } from '../assessment-queries';
import { useWalk } from './walk-context';

/** The photos of one answer, in a fold that opens when there are some. */
export function AnswerPhotos({ cardId, answerId, label }: { cardId: string; answerId: string; label: string }) {
  const walk = useWalk();
  const photos = usePhotos(walk.assessment.id, (all) => all.filter((p) => p.answerId === answerId)).data ?? [];
  if (photos.length === 0 && walk.readOnly) return null;
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-2" open={photos.length > 0 || undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Photos ({photos.length})</span>
      </summary>
      <div className="nhsuk-details__text">
        <PhotoPanel idPrefix={cardId} assessmentId={walk.assessment.id} owner={{ answerId }} assessorId={walk.assessorId} photos={photos} readOnly={walk.readOnly} label={label} />
      </div>
    </details>
  );
}
