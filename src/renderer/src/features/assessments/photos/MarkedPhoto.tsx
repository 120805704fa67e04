import { useQuery } from '@tanstack/react-query';
import type { PointerEvent } from 'react';
import type { Output } from '../../../../../shared/contract';
import type { PhotoMarkup } from '../../../../../shared/domain/walkthrough-schemas';
import { MARKUP_COLOUR, MARKUP_OUTLINE, describeMarkup, drawMarkup } from '../../../../../shared/photos/markup';
import { messageOf } from '../../../api/api-error';
import { call } from '../../../api/call';
import { assessmentKeys } from '../assessment-queries';

type Photo = Output<'photos.list'>[number];

/** SVG units across a drawn photo (the height follows its shape). */
const UNITS = 1000;

/** A photo's stored bytes, read once (a stored photo never changes). */
export function usePhotoBytes(id: string) {
  return useQuery({ queryKey: assessmentKeys.photo(id), queryFn: () => call('photos.get', { id }), staleTime: Infinity });
}

/**
 * A photo with its mark-up drawn over it (the image itself is never altered). The browser turns
 * the picture by its kept EXIF orientation; width and height are as shown.
 */
export function MarkedPhoto(props: { photo: Photo; alt: string; markup: PhotoMarkup | null; width: number; onPointer?: { down(e: PointerEvent<SVGSVGElement>): void; move(e: PointerEvent<SVGSVGElement>): void; up(e: PointerEvent<SVGSVGElement>): void } }) {
  const { photo, alt, markup, width } = props;
  const bytes = usePhotoBytes(photo.id);
  if (bytes.error) return <span className="nhsuk-body-s">Could not show the photo: {messageOf(bytes.error)}</span>;
  if (!bytes.data) return <span className="nhsuk-body-s">Loading photo…</span>;
  const height = photo.width && photo.height ? Math.round((UNITS * photo.height) / photo.width) : UNITS;
  const shapes = drawMarkup(markup ?? [], UNITS, height);
  const described = describeMarkup(markup ?? []);
  return (
    <figure className="app-marked-photo" style={{ width, maxWidth: '100%' }}>
      <img src={`data:${bytes.data.mimeType};base64,${bytes.data.dataBase64}`} alt={described.length > 0 ? `${alt}. Marked: ${described.join('; ')}` : alt} />
      <svg
        className={props.onPointer ? 'app-markup-layer app-markup-layer--drawing' : 'app-markup-layer'}
        viewBox={`0 0 ${UNITS} ${height}`}
        preserveAspectRatio="none"
        aria-hidden="true"
        onPointerDown={props.onPointer?.down}
        onPointerMove={props.onPointer?.move}
        onPointerUp={props.onPointer?.up}
      >
        {[8, 4].map((strokeWidth) => (
          <g key={strokeWidth} stroke={strokeWidth === 8 ? MARKUP_OUTLINE : MARKUP_COLOUR} strokeWidth={strokeWidth * 1.5} fill="none" strokeLinecap="round">
            {shapes.map((s, i) =>
              s.kind === 'line' ? (
                <line key={i} x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} />
              ) : s.kind === 'ellipse' ? (
                <ellipse key={i} cx={s.x} cy={s.y} rx={s.rx} ry={s.ry} />
              ) : (
                <text key={i} x={s.x} y={s.y} fontSize={s.size} fontWeight={700} fill={strokeWidth === 8 ? MARKUP_OUTLINE : MARKUP_COLOUR} stroke={strokeWidth === 8 ? MARKUP_OUTLINE : 'none'} dominantBaseline="hanging">
                  {s.text}
                </text>
              ),
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
