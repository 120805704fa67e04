import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Output } from '../../../../../shared/contract';
import { messageOf } from '../../../api/api-error';
import { call } from '../../../api/call';
import { assessmentKeys, refreshAssessment } from '../assessment-queries';
import { MarkedPhoto } from './MarkedPhoto';
import { PhotoEditor } from './PhotoEditor';

type Photo = Output<'photos.list'>[number];

/**
 * Photos of one answer or one ligature point: taken with the device's camera or picked from its
 * files, stored in the database (metadata stripped, orientation kept) and shown once the store
 * confirmed them, each with its caption and mark-up.
 */
export function PhotoPanel(props: { idPrefix: string; assessmentId: string; owner: { answerId: string } | { ligaturePointId: string }; assessorId: string; photos: readonly Photo[]; readOnly: boolean; label: string }) {
  const { idPrefix, assessmentId, owner, assessorId, photos, readOnly, label } = props;
  const client = useQueryClient();
  const [status, setStatus] = useState<{ kind: 'saving' | 'saved' | 'failed'; text: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  const add = useMutation({
    mutationFn: async (file: File) =>
      call('photos.add', {
        assessmentId,
        answerId: 'answerId' in owner ? owner.answerId : null,
        ligaturePointId: 'ligaturePointId' in owner ? owner.ligaturePointId : null,
        fileName: file.name || 'photo.jpg',
        mimeType: file.type,
        dataBase64: await toBase64(file),
        caption: null,
        assessorId,
      }),
    onMutate: (file) => setStatus({ kind: 'saving', text: `Saving ${file.name || 'the photo'}…` }),
    onSuccess: (added, file) => {
      const { metadataRemoved, ...photo } = added;
      client.setQueryData<Output<'photos.list'>>(assessmentKeys.photos(assessmentId), (list) => [...(list ?? []), photo]);
      const stripped = metadataRemoved.length > 0 ? ` Removed from the file: ${metadataRemoved.join(', ')}.` : '';
      setStatus({ kind: 'saved', text: `Photo saved: ${file.name || 'photo'}.${stripped}` });
    },
    onError: (error) => setStatus({ kind: 'failed', text: `The photo was not saved: ${messageOf(error)}` }),
    onSettled: () => inputs.current.forEach((input) => input && (input.value = '')),
  });

  const remove = useMutation({
    mutationFn: (photo: Photo) => call('photos.remove', { id: photo.id }),
    onSuccess: () => {
      setStatus({ kind: 'saved', text: 'Photo removed' });
      return refreshAssessment(client, assessmentId, ['photos']);
    },
    onError: (error) => setStatus({ kind: 'failed', text: `The photo was not removed: ${messageOf(error)}` }),
  });

  return (
    <div className="app-photos">
      {photos.length > 0 && (
        <ul className="app-photo-list" aria-label={`Photos: ${label}`}>
          {photos.map((photo, index) => (
            <li key={photo.id}>
              {editing === photo.id ? (
                <PhotoEditor photo={photo} idPrefix={`${idPrefix}-photo-${index}`} assessmentId={assessmentId} assessorId={assessorId} onDone={() => setEditing(null)} />
              ) : (
                <>
                  <MarkedPhoto photo={photo} alt={`Photo ${index + 1} of ${label}${photo.caption ? `: ${photo.caption}` : ''}`} markup={photo.markup} width={160} />
                  {photo.caption && <p className="nhsuk-body-s app-photo-caption">{photo.caption}</p>}
                  {!readOnly && (
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                      <button type="button" className="app-link-button" onClick={() => setEditing(photo.id)}>
                        Caption and mark-up<span className="nhsuk-u-visually-hidden"> of photo {index + 1}</span>
                      </button>{' '}
                      <button type="button" className="app-link-button" onClick={() => remove.mutate(photo)}>
                        Remove<span className="nhsuk-u-visually-hidden"> photo {index + 1}</span>
                      </button>
                    </p>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="nhsuk-form-group nhsuk-u-margin-bottom-2">
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1" id={`${idPrefix}-photo-hint`}>
            No person may appear in a photo: not patients, staff or visitors. JPEG or PNG, up to 15 MB.
          </p>
          <div className="app-photo-inputs">
            {(
              [
                // On a phone or tablet this opens the camera; elsewhere it picks a file.
                ['camera', 'Take a photo', true],
                ['photo', 'Add a photo', false],
              ] as const
            ).map(([suffix, text, camera], i) => (
              <div key={suffix} className="app-photo-input">
                <label className="nhsuk-label" htmlFor={`${idPrefix}-${suffix}`}>
                  {text} <span className="nhsuk-u-visually-hidden">of {label}</span>
                </label>
                <input
                  ref={(el) => {
                    inputs.current[i] = el;
                  }}
                  className="app-file-input"
                  id={`${idPrefix}-${suffix}`}
                  type="file"
                  accept="image/jpeg,image/png"
                  {...(camera ? { capture: 'environment' as const } : {})}
                  aria-describedby={`${idPrefix}-photo-hint`}
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    if (file) add.mutate(file);
                  }}
                />
              </div>
            ))}
          </div>
        </div>
      )}
      <p className="nhsuk-body-s app-save-status" role="status">
        {status && <span className={status.kind === 'failed' ? 'app-save-failed' : undefined}>{status.text}</span>}
      </p>
    </div>
  );
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('The file could not be read. Pick it again.'));
    reader.readAsDataURL(file);
  });
}
