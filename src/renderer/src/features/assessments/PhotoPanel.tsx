import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';

type Photo = Output<'photos.list'>[number];

/**
 * Photos of one answer or one ligature point: pick a JPEG or PNG from disk, it is stored in the
 * database (metadata stripped by the store) and shown as a thumbnail once the store confirmed it.
 */
export function PhotoPanel(props: {
  idPrefix: string;
  assessmentId: string;
  answerId?: string;
  ligaturePointId?: string;
  assessorId: string;
  photos: readonly Photo[];
  readOnly: boolean;
  onChanged: (photos: Photo[]) => void;
  label: string;
}) {
  const { idPrefix, assessmentId, answerId, ligaturePointId, assessorId, photos, readOnly, onChanged, label } = props;
  const [status, setStatus] = useState<{ kind: 'saving' | 'saved' | 'failed'; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const add = async (file: File) => {
    setStatus({ kind: 'saving', text: `Saving ${file.name}…` });
    try {
      const dataBase64 = await toBase64(file);
      const added = await call('photos.add', {
        assessmentId,
        answerId: answerId ?? null,
        ligaturePointId: ligaturePointId ?? null,
        fileName: file.name,
        mimeType: file.type,
        dataBase64,
        caption: null,
        assessorId,
      });
      onChanged([...photos, added]);
      const stripped = added.metadataRemoved.length > 0 ? ` Removed from the file: ${added.metadataRemoved.join(', ')}.` : '';
      setStatus({ kind: 'saved', text: `Photo saved: ${file.name}.${stripped}` });
    } catch (error) {
      setStatus({ kind: 'failed', text: `The photo was not saved: ${messageOf(error)}` });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (photo: Photo) => {
    try {
      await call('photos.remove', { id: photo.id });
      onChanged(photos.filter((p) => p.id !== photo.id));
      setStatus({ kind: 'saved', text: 'Photo removed' });
    } catch (error) {
      setStatus({ kind: 'failed', text: `The photo was not removed: ${messageOf(error)}` });
    }
  };

  return (
    <div className="app-photos">
      {photos.length > 0 && (
        <ul className="app-photo-list" aria-label={`Photos: ${label}`}>
          {photos.map((photo, index) => (
            <li key={photo.id}>
              <Thumbnail photo={photo} alt={`Photo ${index + 1} of ${label}`} />
              {!readOnly && (
                <button type="button" className="app-link-button" onClick={() => void remove(photo)}>
                  Remove<span className="nhsuk-u-visually-hidden"> photo {index + 1}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="nhsuk-form-group nhsuk-u-margin-bottom-2">
          <label className="nhsuk-label" htmlFor={`${idPrefix}-photo`}>
            Add a photo <span className="nhsuk-u-visually-hidden">of {label}</span>
          </label>
          <div className="nhsuk-hint" id={`${idPrefix}-photo-hint`}>
            No person may appear in a photo: not patients, staff or visitors. JPEG or PNG, up to 15 MB.
          </div>
          <input
            ref={input}
            className="app-file-input"
            id={`${idPrefix}-photo`}
            type="file"
            accept="image/jpeg,image/png"
            aria-describedby={`${idPrefix}-photo-hint`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void add(file);
            }}
          />
        </div>
      )}
      <p className="nhsuk-body-s app-save-status" role="status">
        {status && <span className={status.kind === 'failed' ? 'app-save-failed' : undefined}>{status.text}</span>}
      </p>
    </div>
  );
}

function Thumbnail({ photo, alt }: { photo: Photo; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('photos.get', { id: photo.id }).then(
      (full) => live && setSrc(`data:${full.mimeType};base64,${full.dataBase64}`),
      (error: unknown) => live && setFailed(messageOf(error)),
    );
    return () => {
      live = false;
    };
  }, [photo.id]);
  if (failed) return <span className="nhsuk-body-s">Could not show the photo: {failed}</span>;
  if (!src) return <span className="nhsuk-body-s">Loading photo…</span>;
  return <img className="app-thumbnail" src={src} alt={alt} width={120} />;
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
