import type { CanvasElement, Content } from 'pdfmake/interfaces';
import { MARKUP_COLOUR, MARKUP_OUTLINE, drawMarkup } from '../../../shared/photos/markup';
import type { Thumbnail } from '../../../shared/reports';

// A photo in a report, with the assessor's mark-up drawn over it from the same shapes the screens
// draw: the image is placed at a known size, then the marks are laid over it (taking no room of
// their own) in the photo's coordinates.

/** The photo fitted into `maxWidth` × `maxHeight` points, its mark-up on top. */
export function reportPhoto(photo: Thumbnail, maxWidth: number, maxHeight: number, margin: [number, number, number, number] = [0, 3, 0, 0]): Content {
  if (!photo.markup || photo.markup.length === 0 || !photo.aspect) return { image: photo.dataUrl, fit: [maxWidth, maxHeight], margin };
  const width = Math.min(maxWidth, maxHeight * photo.aspect);
  const height = width / photo.aspect;
  const shapes = drawMarkup(photo.markup, width, height);
  const strokes = (colour: string, lineWidth: number): CanvasElement[] =>
    shapes.flatMap((s): CanvasElement[] =>
      s.kind === 'line'
        ? [{ type: 'line', x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2, lineWidth, lineColor: colour, lineCap: 'round' }]
        : s.kind === 'ellipse'
          ? [{ type: 'ellipse', x: s.x, y: s.y, r1: s.rx, r2: s.ry, lineWidth, lineColor: colour }]
          : [],
    );
  const labels = shapes.flatMap((s): Content[] =>
    s.kind === 'text' ? [{ text: s.text, fontSize: Math.max(6, s.size), bold: true, color: MARKUP_OUTLINE, background: MARKUP_COLOUR, relativePosition: { x: s.x, y: s.y - height } }] : [],
  );
  return {
    margin,
    stack: [{ image: photo.dataUrl, width, height }, { canvas: [...strokes(MARKUP_OUTLINE, 3), ...strokes(MARKUP_COLOUR, 1.5)], relativePosition: { x: 0, y: -height } }, ...labels],
  };
}
