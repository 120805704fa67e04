import type { PhotoMarkup } from '../domain/walkthrough-schemas';

// Mark-up over a photo, in the photo's own coordinates: the screens draw it as SVG over the
// image and the ward report draws it over the image in the PDF, from these same shapes, so what
// the assessor drew is what the report shows. Pure geometry.

export const MARKUP_COLOUR = '#ffeb3b';
export const MARKUP_OUTLINE = '#212b32';

export type DrawnShape =
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'ellipse'; x: number; y: number; rx: number; ry: number }
  | { kind: 'text'; x: number; y: number; text: string; size: number };

/**
 * The marks at the size the photo is drawn (width × height, in any unit): an arrow is its shaft
 * and two head strokes, a circle stays round whatever the photo's shape, a label's text size
 * follows the photo's width.
 */
export function drawMarkup(markup: PhotoMarkup, width: number, height: number): DrawnShape[] {
  const head = Math.max(6, Math.min(width, height) * 0.06);
  return markup.flatMap((mark): DrawnShape[] => {
    switch (mark.kind) {
      case 'arrow': {
        const [x1, y1, x2, y2] = [mark.x1 * width, mark.y1 * height, mark.x2 * width, mark.y2 * height];
        const angle = Math.atan2(y2 - y1, x2 - x1);
        const wing = (turn: number): DrawnShape => ({ kind: 'line', x1: x2, y1: y2, x2: x2 - head * Math.cos(angle + turn), y2: y2 - head * Math.sin(angle + turn) });
        return [{ kind: 'line', x1, y1, x2, y2 }, wing(Math.PI / 6), wing(-Math.PI / 6)];
      }
      case 'circle': {
        const r = mark.r * width;
        return [{ kind: 'ellipse', x: mark.x * width, y: mark.y * height, rx: r, ry: r }];
      }
      case 'label':
        return [{ kind: 'text', x: mark.x * width, y: mark.y * height, text: mark.text, size: Math.max(8, width * 0.045) }];
    }
  });
}

/** A short description of each mark, for people who cannot see the drawing. */
export function describeMarkup(markup: PhotoMarkup): string[] {
  const place = (x: number, y: number) => `${y < 1 / 3 ? 'top' : y < 2 / 3 ? 'middle' : 'bottom'} ${x < 1 / 3 ? 'left' : x < 2 / 3 ? 'centre' : 'right'}`;
  return markup.map((mark) => {
    switch (mark.kind) {
      case 'arrow':
        return `Arrow pointing to the ${place(mark.x2, mark.y2)}`;
      case 'circle':
        return `Circle around the ${place(mark.x, mark.y)}`;
      case 'label':
        return `Label “${mark.text}” at the ${place(mark.x, mark.y)}`;
    }
  });
}
